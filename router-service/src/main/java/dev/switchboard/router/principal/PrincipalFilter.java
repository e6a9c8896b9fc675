package dev.switchboard.router.principal;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.router.policy.Caller;
import dev.switchboard.router.policy.Callers;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets {@code /v1/**} through only with a principal signed by the edge (the router never trusts an identity it
 * cannot verify, so a caller who reaches the router's port directly gets a 401), then resolves it to its
 * {@link Caller} (key still active, team, data class) for the handlers.
 */
public final class PrincipalFilter implements WebFilter {

    private static final String ATTRIBUTE = Caller.class.getName();

    private final SignedPrincipal verifier;
    private final Callers callers;

    public PrincipalFilter(SignedPrincipal verifier, Callers callers) {
        this.verifier = verifier;
        this.callers = callers;
    }

    public static Principal principal(ServerWebExchange exchange) {
        return caller(exchange).principal();
    }

    public static Caller caller(ServerWebExchange exchange) {
        Caller caller = exchange.getAttribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("PrincipalFilter did not run for " + exchange.getRequest().getPath());
        }
        return caller;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        var headers = exchange.getRequest().getHeaders();
        String header = headers.getFirst(SignedPrincipal.HEADER);
        var principal = header == null ? null : verifier.verify(header).orElse(null);
        if (principal == null) {
            return Mono.error(new GatewayException(ErrorCategory.UNAUTHENTICATED,
                    "missing or invalid credentials; call Switchboard through its edge with a Switchboard key"));
        }
        try {
            exchange.getAttributes().put(ATTRIBUTE, callers.resolve(principal, headers.getFirst(Callers.DATA_CLASS_HEADER)));
        } catch (GatewayException e) {
            return Mono.error(e);
        }
        return chain.filter(exchange);
    }
}
