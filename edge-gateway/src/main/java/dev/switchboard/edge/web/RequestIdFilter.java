package dev.switchboard.edge.web;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Propagates a caller's {@code x-request-id} when it is sane (printable, at most 128 characters), else assigns one;
 * the router and every response carry it, errors included. The router echoes it, so the edge adds it to a response
 * only when the response does not have it yet (just before the response is committed).
 */
public final class RequestIdFilter implements GlobalFilter, Ordered {

    public static final String HEADER = "x-request-id";
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE;
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        assign(exchange);
        return chain.filter(exchange);
    }

    /**
     * The request's id, for the request that goes to the router (set there together with the principal, so the
     * request headers are copied once).
     */
    public static String of(ServerWebExchange exchange) {
        String id = exchange.getAttribute(ATTRIBUTE);
        return id != null ? id : assign(exchange);
    }

    /** Also used by the error handler, for requests that fail before any filter ran. */
    public static String assign(ServerWebExchange exchange) {
        String given = exchange.getRequest().getHeaders().getFirst(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : newId();
        exchange.getAttributes().putIfAbsent(ATTRIBUTE, id);
        var response = exchange.getResponse();
        response.beforeCommit(() -> {
            if (response.getHeaders().getFirst(HEADER) == null) {
                response.getHeaders().set(HEADER, id);
            }
            return Mono.empty();
        });
        return id;
    }

    /** A random (version 4 layout) UUID without SecureRandom's shared lock: ids must be unique, not secret. */
    private static String newId() {
        var random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
