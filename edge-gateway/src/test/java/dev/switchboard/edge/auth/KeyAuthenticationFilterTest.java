package dev.switchboard.edge.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.config.KeyConfig;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.RateLimit;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policyview.Governance;
import dev.switchboard.policyview.RemotePolicy;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

class KeyAuthenticationFilterTest {

    static final String ADMIN_KEY = "sb-filter-test-admin-key";
    static final TestTokens tokens = new TestTokens();

    final SignedPrincipal signer = new SignedPrincipal("filter-test-secret-0123456789", Clock.systemUTC());
    final ConfigFile config = new ConfigFile(null, new ConfigParser(name -> null, Set.of("mock")),
            KeyConfig.withAdmin(ConfigParser.sha256(ADMIN_KEY)));
    final RemotePolicy remote = RemotePolicy.none();
    final KeyAuthenticationFilter filter = new KeyAuthenticationFilter(new Governance(config, remote, null), signer,
            Clock.systemUTC(), tokens.authenticator());
    final AtomicReference<ServerWebExchange> forwarded = new AtomicReference<>();
    final GatewayFilterChain chain = exchange -> {
        forwarded.set(exchange);
        return Mono.empty();
    };

    @AfterEach
    void close() {
        config.close();
    }

    @Test
    void forwardsAValidTokenAsItsSignedPrincipalWithoutTheToken() {
        String token = tokens.sign(c -> c.claim("preferred_username", "bob").claim("switchboard_team", "payments")
                .claim("realm_access", Map.of("roles", List.of("switchboard-team-admin"))));

        filter.filter(exchange("Authorization", "Bearer " + token), chain).block();

        HttpHeaders sent = forwarded.get().getRequest().getHeaders();
        assertThat(sent.containsHeader(HttpHeaders.AUTHORIZATION)).isFalse();
        assertThat(signer.verify(sent.getFirst(SignedPrincipal.HEADER)))
                .contains(new Principal("token:bob", "payments", "bob", Set.of(Roles.TEAM_ADMIN)));
    }

    @Test
    void rejectsAnInvalidTokenWithoutForwarding() {
        String token = tokens.sign(c -> c.audience("other-app"));

        assertThatThrownBy(() -> filter.filter(exchange("Authorization", "Bearer " + token), chain).block())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.UNAUTHENTICATED));
        assertThat(forwarded.get()).isNull();
    }

    @Test
    void keysStillAuthenticateBesideTokens() {
        filter.filter(exchange("Authorization", "Bearer " + ADMIN_KEY), chain).block();

        assertThat(signer.verify(forwarded.get().getRequest().getHeaders().getFirst(SignedPrincipal.HEADER)))
                .contains(new Principal("admin", null, null, Set.of(Roles.PLATFORM_ADMIN)));
    }

    @Test
    void keysIssuedByThePolicyServiceCarryTheirTeamAndRolesUntilRevoked() {
        String hash = ConfigParser.sha256("sb-issued-0123456789");
        remote.apply(List.of(PolicyChange.of(1, issued(hash, false))));
        filter.filter(exchange("x-api-key", "sb-issued-0123456789"), chain).block();
        assertThat(signer.verify(forwarded.get().getRequest().getHeaders().getFirst(SignedPrincipal.HEADER)))
                .contains(new Principal("key_7", "payments", null, Set.of(Roles.TEAM_ADMIN)));

        remote.apply(List.of(PolicyChange.of(2, issued(hash, true))));
        assertThatThrownBy(() -> filter.filter(exchange("x-api-key", "sb-issued-0123456789"), chain).block())
                .hasMessage("The API key sb-issued0... has been revoked.");
    }

    private static KeyPolicy issued(String hash, boolean revoked) {
        return new KeyPolicy("key_7", "checkout", "payments", "sb-issued0", hash, Set.of(), null, RateLimit.NONE,
                List.of(), Set.of(Roles.TEAM_ADMIN), null, revoked, Source.API);
    }

    @Test
    void aTokenSentAsXApiKeyIsTreatedAsAKey() {
        String token = tokens.sign(c -> c);

        assertThatThrownBy(() -> filter.filter(exchange("x-api-key", token), chain).block())
                .hasMessageStartingWith("Incorrect API key provided");
    }

    private static MockServerWebExchange exchange(String header, String value) {
        return MockServerWebExchange.from(MockServerHttpRequest.post("/v1/chat/completions").header(header, value));
    }
}
