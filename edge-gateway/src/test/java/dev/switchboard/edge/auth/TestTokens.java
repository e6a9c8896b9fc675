package dev.switchboard.edge.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;

/** An identity provider in miniature: an RSA key that signs tokens, and the decoder the edge would build for it. */
final class TestTokens {

    static final String ISSUER = "http://127.0.0.1:18180/realms/switchboard";
    static final String AUDIENCE = "switchboard";

    private final RSAKey key;

    TestTokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The edge's authenticator, trusting this key, {@link #ISSUER} and {@link #AUDIENCE}. */
    TokenAuthenticator authenticator() {
        try {
            var decoder = NimbusReactiveJwtDecoder.withPublicKey(key.toRSAPublicKey()).build();
            decoder.setJwtValidator(TokenAuthenticator.validator(ISSUER, AUDIENCE));
            return new TokenAuthenticator(decoder, "switchboard_team");
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public half of the key as a JWK set, as an identity provider publishes it. */
    String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    /** A valid token (issuer, audience, five minutes left) with the claims {@code claims} adds or overrides. */
    String sign(UnaryOperator<JWTClaimsSet.Builder> claims) {
        Instant now = Instant.now();
        var base = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("5e1f-subject")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        return sign(key, claims.apply(base).build());
    }

    static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
