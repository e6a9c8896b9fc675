package dev.switchboard.router.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.RouteDefinition;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policyview.RemotePolicy;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.router.events.CompletionPublisher;
import dev.switchboard.testkit.TempYaml;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Aliases and routes through the router's HTTP API: the file's, and the policy service's injected as changes on the
 * policy view (as {@code policy-changes} would bring them).
 */
@SpringBootTest(classes = {RouterServiceApplication.class, AliasesAndApiRoutesEndpointTest.Recorder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + AliasesAndApiRoutesEndpointTest.SECRET,
                "switchboard.reload-interval=1h"})
class AliasesAndApiRoutesEndpointTest {

    static final String SECRET = "aliases-test-secret-0123456789";
    private static final AtomicLong SEQ = new AtomicLong(1000);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {
        @Bean
        @Primary
        Events recordedEvents() {
            return new Events();
        }
    }

    /** Keeps the completion events published. */
    static final class Events implements CompletionPublisher {
        final List<CompletionEvent> published = new CopyOnWriteArrayList<>();

        @Override
        public void publish(CompletionEvent event) {
            published.add(event);
        }
    }

    @Autowired
    Environment environment;

    @Autowired
    RemotePolicy remote;

    @Autowired
    Events events;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.config", () -> TempYaml.write("""
                providers:
                  mock: { kind: mock }
                models:
                  fast: mock/echo
                  echo: mock/echo
                aliases: { quick: fast }
                keys:
                  - { name: any, key-sha256: %s }
                  - { name: fast-only, key-sha256: %s, models: [fast] }
                  - { name: quick-only, key-sha256: %s, models: [quick] }
                """.formatted(ConfigParser.sha256("k1"), ConfigParser.sha256("k2"), ConfigParser.sha256("k3")))
                .toString());
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
    }

    private WebTestClient.ResponseSpec chat(String key, String model) {
        return client.post().uri("/v1/chat/completions").header(SignedPrincipal.HEADER, signer.sign(new Principal(key)))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"model\":\"" + model + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .exchange();
    }

    private List<String> models(String key) {
        String body = client.get().uri("/v1/models").header(SignedPrincipal.HEADER, signer.sign(new Principal(key)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        List<String> ids = new ArrayList<>();
        JSON.readTree(body).path("data").forEach(model -> ids.add(model.path("id").asString()));
        return ids;
    }

    private static PolicyChange route(String name, String json) {
        return PolicyChange.of(SEQ.incrementAndGet(), new RouteDefinition(name, json, Source.API));
    }

    private static PolicyChange alias(String name, String target) {
        return PolicyChange.of(SEQ.incrementAndGet(), new ModelAlias(name, target, Source.API));
    }

    private static PolicyChange removed(PolicyChange.Entity entity, String id) {
        return PolicyChange.removed(SEQ.incrementAndGet(), entity, id);
    }

    @Test
    void anAliasIsServedByItsTargetAndTheEventKeepsTheNameAsked() {
        String requestId = chat("any", "quick").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-route", "fast")
                .expectHeader().valueEquals("x-switchboard-model", "echo")
                .returnResult(String.class).getResponseHeaders().getFirst("x-request-id");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(events.published)
                .filteredOn(e -> e.requestId().equals(requestId))
                .extracting(e -> e.request().model()).contains("quick"));
    }

    @Test
    void aModelListAdmitsAnAliasWhenItNamesTheAliasOrItsTarget() {
        chat("fast-only", "quick").expectStatus().isOk();
        chat("quick-only", "quick").expectStatus().isOk();
        chat("quick-only", "fast").expectStatus().isForbidden().expectBody().jsonPath("$.error.message")
                .isEqualTo("key 'quick-only' may not use model 'fast' (rule: allowed models of key 'quick-only' are quick)");
        chat("fast-only", "echo").expectStatus().isForbidden();
        assertThat(models("fast-only")).containsExactly("fast", "quick");
        assertThat(models("quick-only")).containsExactly("quick");
    }

    @Test
    void anApiRouteIsServedAndItsChangesTakeEffectWithoutARestart() {
        remote.apply(List.of(route("steady", "{\"targets\":[\"mock/lorem\"],\"fallback-on\":[\"RATE_LIMITED\"]}"),
                alias("stable", "steady")));
        chat("any", "steady").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-route", "steady")
                .expectHeader().valueEquals("x-switchboard-model", "lorem");
        chat("any", "stable").expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-route", "steady");
        assertThat(models("any")).contains("fast", "echo", "quick", "steady", "stable");
        assertThat(models("fast-only")).doesNotContain("steady", "stable");

        remote.apply(List.of(route("steady", "\"mock/echo\"")));
        chat("any", "steady").expectStatus().isOk().expectHeader().valueEquals("x-switchboard-model", "echo");

        remote.apply(List.of(removed(PolicyChange.Entity.ALIAS, "stable"),
                removed(PolicyChange.Entity.ROUTE, "steady")));
        chat("any", "steady").expectStatus().isNotFound();
        chat("any", "stable").expectStatus().isNotFound();
        assertThat(models("any")).doesNotContain("steady", "stable");
    }

    @Test
    void theFilesModelsAndAliasesWinOverTheApisOnANameClash() {
        remote.apply(List.of(route("fast", "\"mock/lorem\""), route("quick", "\"mock/lorem\""),
                alias("echo", "fast"), route("other", "\"mock/lorem\""), alias("other", "echo")));
        chat("any", "fast").expectStatus().isOk().expectHeader().valueEquals("x-switchboard-model", "echo");
        chat("any", "quick").expectStatus().isOk().expectHeader().valueEquals("x-switchboard-route", "fast");
        chat("any", "echo").expectStatus().isOk().expectHeader().valueEquals("x-switchboard-route", "echo");
        chat("any", "other").expectStatus().isOk().expectHeader().valueEquals("x-switchboard-route", "other")
                .expectHeader().valueEquals("x-switchboard-model", "lorem");
        assertThat(models("any")).containsOnlyOnce("fast", "quick", "echo", "other");
        remote.apply(List.of(removed(PolicyChange.Entity.ROUTE, "fast"), removed(PolicyChange.Entity.ROUTE, "quick"),
                removed(PolicyChange.Entity.ALIAS, "echo"), removed(PolicyChange.Entity.ROUTE, "other"),
                removed(PolicyChange.Entity.ALIAS, "other")));
    }

    @Test
    void anApiRouteNamingAnUnknownProviderIsLeftOutWithoutBreakingTheTable() {
        remote.apply(List.of(route("broken", "{\"targets\":[\"openai/gpt-4o\"]}"), route("fine", "\"mock/lorem\""),
                alias("to-broken", "broken")));
        chat("any", "broken").expectStatus().isNotFound();
        chat("any", "to-broken").expectStatus().isNotFound();
        chat("any", "fine").expectStatus().isOk();
        chat("any", "fast").expectStatus().isOk();
        assertThat(models("any")).contains("fine").doesNotContain("broken", "to-broken");
        remote.apply(List.of(removed(PolicyChange.Entity.ROUTE, "broken"), removed(PolicyChange.Entity.ROUTE, "fine"),
                removed(PolicyChange.Entity.ALIAS, "to-broken")));
    }
}
