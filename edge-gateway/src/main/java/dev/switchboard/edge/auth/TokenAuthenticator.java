package dev.switchboard.edge.auth;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * Validates a JWT from the identity provider (signature, expiry, issuer, audience) and maps it to the caller's
 * principal. Rejections are {@link ErrorCategory#UNAUTHENTICATED} and never repeat the token.
 */
public final class TokenAuthenticator {

    static final String REJECTED = "the bearer token was rejected: ";
    private static final Logger log = LoggerFactory.getLogger(TokenAuthenticator.class);

    private final ReactiveJwtDecoder decoder;
    private final TokenPrincipals principals;

    public TokenAuthenticator(ReactiveJwtDecoder decoder, String teamClaim) {
        this.decoder = requireNonNull(decoder, "decoder");
        this.principals = new TokenPrincipals(teamClaim);
    }

    /**
     * Trusts the provider at {@code issuerUri}. Its discovery document and signing keys are fetched on the first
     * token (and cached), so the edge starts even while the provider is still starting.
     */
    public static TokenAuthenticator forIssuer(String issuerUri, String audience, String teamClaim) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withIssuerLocation(issuerUri).build();
        decoder.setJwtValidator(validator(issuerUri, audience));
        return new TokenAuthenticator(decoder, teamClaim);
    }

    /** Expiry and not-before (60 s skew), the exact issuer, and the audience. */
    public static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        return new DelegatingOAuth2TokenValidator<>(List.of(new JwtTimestampValidator(),
                check(jwt -> issuer.equals(jwt.getClaimAsString("iss")), "the issuer is not '" + issuer + "'"),
                check(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience),
                        "the audience does not include '" + audience + "'")));
    }

    /** Whether a bearer value has a JWT's shape (three dot-separated parts) rather than a Switchboard key's. */
    public static boolean looksLikeJwt(String bearer) {
        String[] parts = bearer.split("\\.", -1);
        return parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty();
    }

    public Mono<Principal> authenticate(String token) {
        return decoder.decode(token)
                .onErrorMap(failure -> !(failure instanceof GatewayException), TokenAuthenticator::translate)
                .map(principals::of);
    }

    private static GatewayException translate(Throwable failure) {
        if (failure instanceof JwtValidationException invalid) {
            String reasons = invalid.getErrors().stream().map(OAuth2Error::getDescription)
                    .collect(Collectors.joining("; "));
            return new GatewayException(ErrorCategory.UNAUTHENTICATED, REJECTED + reasons);
        }
        if (failure instanceof BadJwtException bad) {
            log.debug("bearer token rejected: {}", bad.getMessage());
            return new GatewayException(ErrorCategory.UNAUTHENTICATED,
                    REJECTED + "it is malformed or its signature does not match the identity provider's keys");
        }
        // Neither the token nor the caller is at fault: the provider's discovery document or keys are unreachable.
        log.warn("could not check a bearer token with the identity provider: {}", failure.toString());
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                "the identity provider could not be reached to check the bearer token; try again");
    }

    private static OAuth2TokenValidator<Jwt> check(Predicate<Jwt> valid, String description) {
        OAuth2Error error = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
        return jwt -> valid.test(jwt) ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(error);
    }
}
