package dev.switchboard.router.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.RateLimit;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policyview.RemotePolicy;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.TempYaml;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Governance on the hot path, through the router's HTTP API: team and key model lists, data classes narrowing the
 * providers, rate limits, token callers, and keys the policy service revoked or let expire.
 */
@SpringBootTest(classes = RouterServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + GovernanceEndpointTest.SECRET,
                "switchboard.reload-interval=1h"})
class GovernanceEndpointTest {

    static final String SECRET = "governance-test-secret-0123456789";
    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @Autowired
    Environment environment;

    @Autowired
    RemotePolicy remote;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // "ext" is an OpenAI account (internal data at most) that refuses connections, so a call that tries it
        // falls back to the mock and reports two attempts.
        registry.add("switchboard.config", () -> TempYaml.write("""
                providers:
                  mock: { kind: mock }
                  ext: { kind: openai, base-url: "http://127.0.0.1:1", api-key: env:EXT_KEY }
                models:
                  echo: mock/echo
                  mixed: { targets: [ ext/gpt-4o-mini, mock/echo ], fallback-on: [UPSTREAM_UNAVAILABLE] }
                  external-only: ext/gpt-4o-mini
                teams:
                  - name: payments
                    models: [echo, mixed, external-only]
                    data-class: confidential
                  - name: research
                    models: [echo, external-only]
                    data-class: public
                keys:
                  - { name: pay, key-sha256: %s, team: payments }
                  - { name: res, key-sha256: %s, team: research }
                  - { name: slow, key-sha256: %s, limits: { requests-per-minute: 2 } }
                """.formatted(ConfigParser.sha256("k1"), ConfigParser.sha256("k2"), ConfigParser.sha256("k3")))
                .toString());
        registry.add("EXT_KEY", () -> "sk-test");
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
    }

    private WebTestClient.ResponseSpec chat(Principal principal, String model, String dataClass) {
        var request = client.post().uri("/v1/chat/completions").header(SignedPrincipal.HEADER, signer.sign(principal))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        if (dataClass != null) {
            request = request.header(Callers.DATA_CLASS_HEADER, dataClass);
        }
        return request.exchange();
    }

    @Test
    void aTeamsModelListBindsItsKeysAndTheRefusalNamesTheRule() {
        chat(new Principal("res"), "mixed", null).expectStatus().isForbidden().expectBody()
                .jsonPath("$.error.code").isEqualTo("model_not_allowed")
                .jsonPath("$.error.message").isEqualTo("team 'research' (of key 'res') may not use model 'mixed' "
                        + "(rule: allowed models of team 'research' are echo, external-only)");
        client.get().uri("/v1/models").header(SignedPrincipal.HEADER, signer.sign(new Principal("res"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.data[*].id").value((Object ids) ->
                        assertThat((List<?>) ids).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(String.class)).containsExactlyInAnyOrder("echo", "external-only"));
    }

    @Test
    void confidentialTrafficOnlyReachesProvidersThatKeepNothing() {
        // payments is confidential by default: ext (keeps data 30 days) is skipped, the mock serves at once
        chat(new Principal("pay"), "mixed", null).expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-provider", "mock")
                .expectHeader().valueEquals("x-switchboard-attempts", "1");
        // a header may not lower the class
        chat(new Principal("pay"), "mixed", "public").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-attempts", "1");
        // nothing of external-only may take confidential data
        chat(new Principal("pay"), "external-only", null).expectStatus().isForbidden().expectBody()
                .jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .startsWith("no provider of model 'external-only' may receive confidential data from key 'pay': ")
                        .contains("ext (keeps data 30 days, internal data at most)"));
    }

    @Test
    void aHeaderRaisesTheDataClassOfPublicTraffic() {
        chat(new Principal("res"), "external-only", "confidential").expectStatus().isForbidden();
        chat(new Principal("res"), "external-only", "secret").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error.message").isEqualTo(
                        "x-switchboard-data-class: unknown data class 'secret' (expected public, internal or confidential)");
    }

    @Test
    void aKeyOverItsRequestRateGets429WithRetryAfter() {
        chat(new Principal("slow"), "echo", null).expectStatus().isOk();
        chat(new Principal("slow"), "echo", null).expectStatus().isOk();
        chat(new Principal("slow"), "echo", null).expectStatus().isEqualTo(429)
                .expectHeader().exists("retry-after")
                .expectBody().jsonPath("$.error.message").value(message -> assertThat((String) message)
                        .contains("rate limit of key 'slow': 2 requests per minute"));
    }

    @Test
    void tokenCallersAreHeldToTheirTeam() {
        var token = new Principal("token:svc", "research", null, Set.of());
        chat(token, "echo", null).expectStatus().isOk();
        chat(token, "mixed", null).expectStatus().isForbidden().expectBody().jsonPath("$.error.message")
                .isEqualTo("team 'research' (of token 'svc') may not use model 'mixed' "
                        + "(rule: allowed models of team 'research' are echo, external-only)");
        chat(new Principal("token:svc", "ghosts", null, Set.of()), "echo", null).expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.message")
                .isEqualTo("team 'ghosts' is not known to Switchboard; ask a platform admin to create it");
    }

    @Test
    void keysFromThePolicyServiceAreHonouredUntilRevokedOrExpired() {
        var team = new TeamPolicy("ops", "default", "ops", Set.of("echo"), DataClass.INTERNAL, RateLimit.NONE,
                List.of(), Source.API);
        remote.apply(List.of(PolicyChange.of(10, team),
                PolicyChange.of(11, issued("key_live", false, null)),
                PolicyChange.of(12, issued("key_gone", true, null)),
                PolicyChange.of(13, issued("key_old", false, Instant.parse("2020-01-01T00:00:00Z")))));
        chat(new Principal("key_live"), "echo", null).expectStatus().isOk();
        chat(new Principal("key_live"), "mixed", null).expectStatus().isForbidden();
        chat(new Principal("key_gone"), "echo", null).expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.error.message").isEqualTo("the key 'ops-gone' has been revoked");
        chat(new Principal("key_old"), "echo", null).expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.error.message").isEqualTo("the key 'ops-old' expired at 2020-01-01T00:00:00Z");
        remote.apply(List.of(PolicyChange.removed(14, PolicyChange.Entity.KEY, "key_live")));
        chat(new Principal("key_live"), "echo", null).expectStatus().isUnauthorized();
    }

    private static KeyPolicy issued(String id, boolean revoked, Instant expires) {
        return new KeyPolicy(id, "ops-" + id.substring(4), "ops", "sb-" + id, "hash-" + id, Set.of(), null,
                RateLimit.NONE, List.of(), Set.of(), expires, revoked, Source.API);
    }
}
