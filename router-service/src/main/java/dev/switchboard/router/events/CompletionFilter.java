package dev.switchboard.router.events;

import static java.util.Objects.requireNonNull;

import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Times each exchange and ends its {@link Completion} when the handling ends: after the last byte of a whole or
 * streamed response, at a failure before the error response is written (the status is the one the error handler
 * will choose), or when the caller disconnects. Ordered after the principal check, so unauthenticated calls never
 * reach a handler and have no event.
 */
public final class CompletionFilter implements WebFilter {

    private final Completions completions;

    public CompletionFilter(Completions completions) {
        this.completions = requireNonNull(completions, "completions");
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        completions.arrived(exchange);
        return chain.filter(exchange)
                .doOnError(error -> completions.failed(exchange, error))
                .doFinally(signal -> completions.ended(exchange, signal));
    }
}
