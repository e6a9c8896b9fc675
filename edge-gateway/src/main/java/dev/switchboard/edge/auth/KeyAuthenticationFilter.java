package dev.switchboard.edge.auth;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.edge.web.RequestIdFilter;
import dev.switchboard.policyview.Governance;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Authenticates the Switchboard key sent as {@code Authorization: Bearer} or {@code x-api-key} by its SHA-256, or,
 * when an identity provider is configured, a bearer JWT with the {@link TokenAuthenticator}; removes the key or token
 * and any identity header a caller sent, and attaches the principal signed for the router and the request id.
 */
public final class KeyAuthenticationFilter implements GlobalFilter, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;
    private static final String API_KEY = "x-api-key";

    private final Governance governance;
    private final SignedPrincipal signer;
    private final Clock clock;
    private final @Nullable TokenAuthenticator tokens;

    /**
     * @param governance the keys: {@code switchboard.yaml}'s, then the policy service's
     * @param tokens validates identity-provider tokens; null: every bearer value is a Switchboard key
     */
    public KeyAuthenticationFilter(Governance governance, SignedPrincipal signer, Clock clock,
                                   @Nullable TokenAuthenticator tokens) {
        this.governance = governance;
        this.clock = clock;
        this.signer = signer;
        this.tokens = tokens;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpHeaders headers = exchange.getRequest().getHeaders();
        String key = presentedKey(headers);
        if (key == null) {
            return Mono.error(new GatewayException(ErrorCategory.UNAUTHENTICATED, "You didn't provide an API key. "
                    + "Send your Switchboard key as 'Authorization: Bearer <key>' or 'x-api-key: <key>'."));
        }
        if (tokens != null && isBearer(headers.getFirst(HttpHeaders.AUTHORIZATION)) && TokenAuthenticator.looksLikeJwt(key)) {
            return tokens.authenticate(key).flatMap(principal -> forward(exchange, chain, principal));
        }
        KeyPolicy found = governance.keyByHash(ConfigParser.sha256(key)).orElse(null);
        if (found == null) {
            return Mono.error(new GatewayException(ErrorCategory.UNAUTHENTICATED,
                    "Incorrect API key provided: " + redact(key) + "."));
        }
        if (!found.activeAt(clock.instant())) {
            return Mono.error(new GatewayException(ErrorCategory.UNAUTHENTICATED, "The API key " + found.prefix()
                    + "... " + (found.revoked() ? "has been revoked." : "expired at " + found.expiresAt() + ".")));
        }
        return forward(exchange, chain,
                new Principal(Governance.principalName(found), found.team(), null, found.roles()));
    }

    private Mono<Void> forward(ServerWebExchange exchange, GatewayFilterChain chain, Principal caller) {
        String principal = signer.sign(caller);
        String requestId = RequestIdFilter.of(exchange);
        ServerWebExchange forwarded = exchange.mutate().request(r -> r.headers(h -> {
            h.set(RequestIdFilter.HEADER, requestId);
            h.remove(HttpHeaders.AUTHORIZATION);
            h.remove(API_KEY);
            h.headerNames().stream()
                    .filter(name -> name.toLowerCase(Locale.ROOT).startsWith(SignedPrincipal.HEADER))
                    .toList().forEach(h::remove);
            h.set(SignedPrincipal.HEADER, principal);
        })).build();
        return chain.filter(forwarded);
    }

    private static boolean isBearer(@Nullable String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static @Nullable String presentedKey(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && isBearer(authorization)) {
            String token = authorization.substring(7).trim();
            return token.isEmpty() ? null : token;
        }
        String apiKey = headers.getFirst(API_KEY);
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }

    /** Shows only enough of a wrong key to recognise it, as OpenAI does. */
    static String redact(String key) {
        return key.length() <= 12 ? "****" : key.substring(0, 4) + "****" + key.substring(key.length() - 4);
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
