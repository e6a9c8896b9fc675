package dev.switchboard.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TokenAuthenticator#forIssuer} against a provider serving its discovery document and keys over HTTP. */
class TokenAuthenticatorDiscoveryTest {

    @RegisterExtension
    final FakeUpstream provider = new FakeUpstream();

    final TestTokens tokens = new TestTokens();

    @Test
    void recoversOnceTheProviderIsReachableAfterAFailedDiscovery() {
        String issuer = provider.baseUrl() + "/realms/switchboard";
        var authenticator = TokenAuthenticator.forIssuer(issuer, TestTokens.AUDIENCE, "switchboard_team");
        String token = tokens.sign(c -> c.issuer(issuer).claim("preferred_username", "alice"));

        provider.respondByDefault(RawResponse.json(503, "{\"error\":\"starting\"}"));
        assertThatThrownBy(() -> authenticator.authenticate(token).block())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE));

        // One document for every path: the discovery document's fields and the key set's "keys".
        String jwks = tokens.publicJwks();
        provider.respondByDefault(RawResponse.json(200, "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer
                + "/protocol/openid-connect/certs\"," + jwks.substring(1)));
        assertThat(authenticator.authenticate(token).block()).isEqualTo(
                new Principal("token:alice", null, "alice", Set.of()));
    }
}
