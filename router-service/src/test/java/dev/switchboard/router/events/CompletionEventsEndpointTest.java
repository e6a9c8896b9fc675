package dev.switchboard.router.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.TempYaml;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real router with the mock provider and a recording publisher: one event per request, whatever happened. */
@SpringBootTest(classes = {RouterServiceApplication.class, CompletionEventsEndpointTest.Recorder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router",
                "switchboard.internal-secret=" + CompletionEventsEndpointTest.SECRET})
class CompletionEventsEndpointTest {

    static final String SECRET = "router-test-secret-events-0123";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {
        @Bean
        @Primary
        RecordingPublisher recordingPublisher() {
            return new RecordingPublisher();
        }
    }

    @Autowired
    Environment environment;

    @Autowired
    RecordingPublisher events;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.config", () -> TempYaml.write("""
                    providers:
                      mock: { kind: mock }
                      spare: { kind: mock }
                      slow: { kind: mock, options: { chunk-size: 2, chunk-delay-ms: 50 } }
                    models:
                      echo: mock/echo
                      limited: { targets: [ mock/error-429 ], retry: { attempts: 1 } }
                      down: { targets: [ mock/error-503 ], retry: { attempts: 1 } }
                      resilient: { targets: [ mock/error-503, spare/echo ], retry: { attempts: 1 } }
                      dawdle: slow/echo
                    keys:
                      - { name: full, key-sha256: %s }
                    """.formatted(ConfigParser.sha256("k1"))).toString());
        registry.add("switchboard.reload-interval", () -> "1h");
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl(baseUrl()).build();
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port");
    }

    private WebTestClient.RequestHeadersSpec<?> post(String path, String requestId, String body) {
        return client.post().uri(path).header(SignedPrincipal.HEADER, signer.sign(new Principal("full")))
                .header("x-request-id", requestId).header("anthropic-version", "2023-06-01")
                .header("x-switchboard-tags", "team=search, feature=autocomplete")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static String chat(String model, String text, boolean stream) {
        return """
                {"model":"%s","stream":%s,"stream_options":%s,"user":"u-42",
                 "metadata":{"feature":"summaries","env":"prod"},"messages":[{"role":"user","content":"%s"}]}
                """.formatted(model, stream, stream ? "{\"include_usage\":true}" : "null", text);
    }

    @Test
    void wholeAnswerReportsCallerTagsUsageAndTheServedAttempt() {
        JsonNode body = JSON.readTree(post("/v1/chat/completions", "ev-whole", chat("echo", "hello there", false))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        CompletionEvent event = events.only("ev-whole");
        assertThat(event.caller()).isEqualTo(new CompletionEvent.Caller("full", null, "u-42"));
        assertThat(event.tags()).containsExactlyInAnyOrderEntriesOf(
                Map.of("team", "search", "feature", "autocomplete", "env", "prod"));
        assertThat(event.request()).isEqualTo(new CompletionEvent.RequestInfo("openai", "echo", false));
        var result = event.result();
        assertThat(result.route()).isEqualTo("echo");
        assertThat(result.strategy()).isEqualTo("fixed");
        assertThat(result.provider()).isEqualTo("mock");
        assertThat(result.providerModel()).isEqualTo("echo");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.errorCategory()).isNull();
        assertThat(result.finishReason()).isEqualTo("STOP");
        assertThat(result.usage()).isEqualTo(TokenUsage.of(body.at("/usage/prompt_tokens").asLong(),
                body.at("/usage/completion_tokens").asLong()));
        assertThat(result.costUsd()).as("the mock has no catalog price").isNull();
        assertThat(result.timing().firstTokenMillis()).isBetween(0L, result.timing().latencyMillis());
        assertThat(event.attempts()).singleElement().satisfies(a -> {
            assertThat(a.provider()).isEqualTo("mock");
            assertThat(a.outcome()).isEqualTo("SUCCEEDED");
            assertThat(a.usage()).isEqualTo(result.usage());
        });
    }

    @Test
    void streamReportsUsageFromTheStreamAndItsFirstOutput() {
        String sse = post("/v1/chat/completions", "ev-stream", chat("echo", "streaming works fine", true)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        JsonNode last = JSON.readTree(sse.lines().filter(l -> l.startsWith("data: {")).toList().getLast().substring(6));

        var result = events.only("ev-stream").result();
        assertThat(result.usage()).isEqualTo(TokenUsage.of(last.at("/usage/prompt_tokens").asLong(),
                last.at("/usage/completion_tokens").asLong()));
        assertThat(result.provider()).isEqualTo("mock");
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.finishReason()).isEqualTo("STOP");
        assertThat(result.timing().firstTokenMillis()).isBetween(0L, result.timing().latencyMillis());
        assertThat(events.only("ev-stream").attempts()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("SUCCEEDED");
            assertThat(a.usage()).isEqualTo(result.usage());
        });
    }

    @Test
    void failureBeforeOutputReportsTheStatusTheCallerGot() {
        post("/v1/chat/completions", "ev-429", chat("limited", "x", true)).exchange().expectStatus().isEqualTo(429);
        post("/v1/messages", "ev-529", anthropic("down", false)).exchange().expectStatus().isEqualTo(529);

        var limited = events.only("ev-429");
        assertThat(limited.result().status()).isEqualTo(429);
        assertThat(limited.result().errorCategory()).isEqualTo("RATE_LIMITED");
        assertThat(limited.result().provider()).isNull();
        assertThat(limited.result().timing().firstTokenMillis()).isEqualTo(-1);
        assertThat(limited.attempts()).singleElement().satisfies(a -> {
            assertThat(a.outcome()).isEqualTo("FAILED");
            assertThat(a.upstreamStatus()).isEqualTo(429);
            assertThat(a.errorCategory()).isEqualTo("RATE_LIMITED");
        });
        var down = events.only("ev-529");
        assertThat(down.request().ingress()).isEqualTo("anthropic");
        assertThat(down.result().status()).as("Anthropic's status for an unavailable upstream").isEqualTo(529);
        assertThat(down.result().errorCategory()).isEqualTo("UPSTREAM_UNAVAILABLE");
    }

    @Test
    void failureAfterOutputIsStatus200WithTheCategory() {
        post("/v1/chat/completions", "ev-mid", chat("echo", "[mock:fail-after=2] some words to stream", true))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult();

        var event = events.only("ev-mid");
        assertThat(event.result().status()).isEqualTo(200);
        assertThat(event.result().errorCategory()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(event.result().provider()).isEqualTo("mock");
        assertThat(event.result().finishReason()).isNull();
        assertThat(event.result().timing().firstTokenMillis()).isNotNegative();
        assertThat(event.attempts()).singleElement().extracting(CompletionEvent.AttemptRecord::outcome)
                .isEqualTo("FAILED");
    }

    @Test
    void unknownModelHasNoRouteNorAttempts() {
        post("/v1/chat/completions", "ev-404", chat("nope", "x", false)).exchange().expectStatus().isNotFound();

        var event = events.only("ev-404");
        assertThat(event.result().route()).isEqualTo("nope");
        assertThat(event.result().strategy()).isEqualTo(CompletionResults.NOT_ROUTED);
        assertThat(event.result().status()).isEqualTo(404);
        assertThat(event.result().errorCategory()).isEqualTo("MODEL_NOT_FOUND");
        assertThat(event.attempts()).isEmpty();
    }

    @Test
    void fallbackListsEveryAttemptAndNamesTheProviderThatServed() {
        post("/v1/chat/completions", "ev-fallback", chat("resilient", "still here", true)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();

        var event = events.only("ev-fallback");
        assertThat(event.result().provider()).isEqualTo("spare");
        assertThat(event.attempts()).extracting(a -> a.provider() + "/" + a.model() + " " + a.outcome())
                .containsExactly("mock/error-503 FAILED", "spare/echo SUCCEEDED");
    }

    @Test
    void anthropicAndEmbeddingRequestsHaveTheirIngressUserAndUsage() {
        post("/v1/messages", "ev-anthropic", anthropic("echo", true)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        post("/v1/embeddings", "ev-embed", """
                {"model":"echo","input":["one","two"],"user":"u-7"}""").exchange().expectStatus().isOk();

        var messages = events.only("ev-anthropic");
        assertThat(messages.request()).isEqualTo(new CompletionEvent.RequestInfo("anthropic", "echo", true));
        assertThat(messages.caller().user()).isEqualTo("u-9");
        assertThat(messages.tags()).containsOnlyKeys("team", "feature");
        assertThat(messages.result().usage()).isNotNull();
        var embedding = events.only("ev-embed");
        assertThat(embedding.request()).isEqualTo(new CompletionEvent.RequestInfo("embeddings", "echo", false));
        assertThat(embedding.caller().user()).isEqualTo("u-7");
        assertThat(embedding.result().usage()).satisfies(u -> {
            assertThat(u.input()).isPositive();
            assertThat(u.output()).isZero();
        });
        assertThat(embedding.attempts()).extracting(CompletionEvent.AttemptRecord::outcome).containsExactly("SUCCEEDED");
    }

    @Test
    void callerLeavingMidStreamIsCancelled() {
        List<String> first = WebClient.create(baseUrl()).post().uri("/v1/chat/completions")
                .header(SignedPrincipal.HEADER, signer.sign(new Principal("full"))).header("x-request-id", "ev-gone")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(chat("dawdle", "a long enough answer to still be streaming when the caller leaves", true))
                .retrieve().bodyToFlux(String.class).take(2).collectList().block(Duration.ofSeconds(5));
        assertThat(first).hasSize(2);

        var event = events.only("ev-gone");
        assertThat(event.result().status()).isEqualTo(200);
        assertThat(event.result().errorCategory()).isEqualTo(Completion.CANCELLED);
        assertThat(event.result().provider()).isEqualTo("slow");
        assertThat(event.attempts()).singleElement().extracting(CompletionEvent.AttemptRecord::outcome)
                .isEqualTo("CANCELLED");
    }

    @Test
    void undecodableBodyHasNoEvent() {
        post("/v1/chat/completions", "ev-bad", "{\"model\":").exchange().expectStatus().isBadRequest();

        assertThat(events.after("ev-bad")).isEmpty();
    }

    private static String anthropic(String model, boolean stream) {
        return """
                {"model":"%s","max_tokens":64,"stream":%s,"metadata":{"user_id":"u-9"},
                 "messages":[{"role":"user","content":"hi there"}]}
                """.formatted(model, stream);
    }
}
