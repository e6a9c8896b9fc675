package dev.switchboard.edge.web;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.error.ErrorFormat;
import java.net.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every failure at the edge in the caller's error envelope (Anthropic's on /v1/messages, else OpenAI's) with
 * the matching status; never a stack trace.
 */
public final class EdgeErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(EdgeErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        // Failures before the filters ran (an unknown path) still get a request id; the first one registered wins.
        RequestIdFilter.assign(exchange);
        GatewayException error = translate(failure, exchange);
        ErrorFormat format = ErrorFormat.forPath(exchange.getRequest().getPath().value());
        int status = failure instanceof ResponseStatusException rse && !(failure.getCause() instanceof ConnectException)
                ? rse.getStatusCode().value() : format.status(error.category());
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        return response.writeWith(Mono.fromSupplier(
                () -> response.bufferFactory().wrap(format.body(error))));
    }

    private static GatewayException translate(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof GatewayException e) {
            return e;
        }
        var request = exchange.getRequest();
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            log.warn("router unreachable for {} {}: {}", request.getMethod(), request.getPath(), failure.getMessage());
            return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, "the router is unavailable; try again");
        }
        if (failure instanceof ResponseStatusException rse) {
            String message = rse.getStatusCode().value() == 404
                    ? "unknown path " + request.getMethod() + " " + request.getPath()
                    : rse.getStatusCode() + " for " + request.getMethod() + " " + request.getPath();
            return new GatewayException(ErrorCategory.INVALID_REQUEST, message);
        }
        log.error("unexpected failure at the edge for {}", request.getPath(), failure);
        return new GatewayException(ErrorCategory.INTERNAL, "internal error at the edge");
    }
}
