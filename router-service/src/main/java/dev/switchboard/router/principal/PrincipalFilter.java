package dev.switchboard.router.principal;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets {@code /v1/**} through only with a principal signed by the edge; the router never trusts an identity it
 * cannot verify, so a caller who reaches the router's port directly gets a 401.
 */
public final class PrincipalFilter implements WebFilter {

    private static final String ATTRIBUTE = Principal.class.getName();

    private final SignedPrincipal verifier;

    public PrincipalFilter(SignedPrincipal verifier) {
        this.verifier = verifier;
    }

    public static Principal principal(ServerWebExchange exchange) {
        Principal principal = exchange.getAttribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("PrincipalFilter did not run for " + exchange.getRequest().getPath());
        }
        return principal;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/v1/")) {
            return chain.filter(exchange);
        }
        String header = exchange.getRequest().getHeaders().getFirst(SignedPrincipal.HEADER);
        var principal = header == null ? null : verifier.verify(header).orElse(null);
        if (principal == null) {
            return Mono.error(new GatewayException(ErrorCategory.UNAUTHENTICATED,
                    "missing or invalid credentials; call Switchboard through its edge with a Switchboard key"));
        }
        exchange.getAttributes().put(ATTRIBUTE, principal);
        return chain.filter(exchange);
    }
}
