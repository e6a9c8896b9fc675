package dev.switchboard.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {

    static final TestTokens tokens = new TestTokens();
    final TokenAuthenticator authenticator = tokens.authenticator();

    @Test
    void mapsAUsersTokenToUserTeamAndSwitchboardRoles() {
        String token = tokens.sign(c -> c.claim("preferred_username", "alice").claim("azp", "switchboard-cli")
                .audience(List.of("switchboard", "account")).claim("switchboard_team", "payments")
                .claim("realm_access", Map.of("roles",
                        List.of("switchboard-admin", "offline_access", "switchboard-viewer", "default-roles"))));

        assertThat(authenticator.authenticate(token).block()).isEqualTo(new Principal("token:alice", "payments",
                "alice", Set.of(Roles.PLATFORM_ADMIN, Roles.VIEWER)));
    }

    @Test
    void aServiceAccountIsNamedButIsNoUser() {
        String token = tokens.sign(c -> c.claim("preferred_username", "service-account-switchboard-cli")
                .claim("azp", "switchboard-cli")
                .claim("realm_access", Map.of("roles", List.of("switchboard-team-admin"))));

        assertThat(authenticator.authenticate(token).block()).isEqualTo(new Principal(
                "token:service-account-switchboard-cli", null, null, Set.of(Roles.TEAM_ADMIN)));
    }

    @Test
    void namesTheCallerByClientThenSubjectWithoutAUsername() {
        assertThat(authenticator.authenticate(tokens.sign(c -> c.claim("azp", "cli"))).block())
                .isEqualTo(new Principal("token:cli"));
        assertThat(authenticator.authenticate(tokens.sign(c -> c.claim("client_id", "legacy-cli"))).block())
                .isEqualTo(new Principal("token:legacy-cli"));
        assertThat(authenticator.authenticate(tokens.sign(c -> c)).block())
                .isEqualTo(new Principal("token:5e1f-subject"));
    }

    @Test
    void ignoresATeamClaimThatIsNoStringAndRolesThatAreMalformed() {
        String token = tokens.sign(c -> c.claim("switchboard_team", List.of("a", "b"))
                .claim("realm_access", Map.of("roles", "switchboard-admin")));

        assertThat(authenticator.authenticate(token).block()).isEqualTo(new Principal("token:5e1f-subject"));
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        String token = tokens.sign(c -> c.audience("other-app"));

        assertRejected(token, "the bearer token was rejected: the audience does not include 'switchboard'");
    }

    @Test
    void rejectsATokenWithoutAudience() {
        assertRejected(tokens.sign(c -> c.audience((String) null)),
                "the bearer token was rejected: the audience does not include 'switchboard'");
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        assertRejected(tokens.sign(c -> c.issuer("http://localhost:18180/realms/switchboard")),
                "the bearer token was rejected: the issuer is not '" + TestTokens.ISSUER + "'");
    }

    @Test
    void rejectsAnExpiredToken() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertRejected(tokens.sign(c -> c.issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past))),
                "the bearer token was rejected: Jwt expired at");
    }

    @Test
    void rejectsATokenSignedByAnotherKey() throws Exception {
        var stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
        String valid = tokens.sign(c -> c.claim("preferred_username", "alice"));
        var claims = SignedJWT.parse(valid).getJWTClaimsSet();

        assertRejected(TestTokens.sign(stranger, claims), "the bearer token was rejected: it is malformed or its "
                + "signature does not match the identity provider's keys");
    }

    @Test
    void rejectsATamperedPayload() {
        String[] parts = tokens.sign(c -> c.claim("preferred_username", "bob")).split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"bob\"", "\"alice\"");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];

        assertRejected(tampered, "signature does not match");
    }

    @Test
    void rejectsGarbageShapedLikeAToken() {
        assertRejected("not.a.token", "the bearer token was rejected: it is malformed");
    }

    @Test
    void anUnreachableIdentityProviderIsUnavailableNotTheCallersFault() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var unreachable = TokenAuthenticator.forIssuer("http://127.0.0.1:" + closedPort + "/realms/switchboard",
                TestTokens.AUDIENCE, "switchboard_team");

        assertThatThrownBy(() -> unreachable.authenticate(tokens.sign(c -> c)).block())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE))
                .hasMessageContaining("identity provider could not be reached");
    }

    @Test
    void recognisesTheShapeOfAJwt() {
        assertThat(TokenAuthenticator.looksLikeJwt("eyJh.eyJz.c2ln")).isTrue();
        assertThat(TokenAuthenticator.looksLikeJwt("sb-app-key-0123456789")).isFalse();
        assertThat(TokenAuthenticator.looksLikeJwt("a.b")).isFalse();
        assertThat(TokenAuthenticator.looksLikeJwt("a..c")).isFalse();
        assertThat(TokenAuthenticator.looksLikeJwt("a.b.c.d")).isFalse();
    }

    private void assertRejected(String token, String message) {
        assertThatThrownBy(() -> authenticator.authenticate(token).block())
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.UNAUTHENTICATED);
                    assertThat(e.getMessage()).contains(message).doesNotContain(token);
                });
    }
}
