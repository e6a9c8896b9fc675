package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.testkit.TempYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(classes = RouterServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + ChatCompletionsEndpointTest.SECRET})
class ChatCompletionsEndpointTest {

    static final String SECRET = "router-test-secret-0123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @Autowired
    Environment environment;

    WebTestClient client;

    static Path config;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.config", ChatCompletionsEndpointTest::configFile);
        registry.add("switchboard.reload-interval", () -> "1h");
    }

    static String configFile() {
        config = TempYaml.write("""
                    providers:
                      mock: { kind: mock }
                      spare: { kind: mock }
                    models:
                      echo: mock/echo
                      limited: mock/error-429
                      resilient: { targets: [ mock/error-503, spare/echo ] }
                    keys:
                      - { name: full, key-sha256: %s }
                      - { name: narrow, key-sha256: %s, models: [echo] }
                    """.formatted(ConfigParser.sha256("k1"), ConfigParser.sha256("k2")));
        return config.toString();
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
    }

    private WebTestClient.RequestHeadersSpec<?> chat(String key, String body) {
        return client.post().uri("/v1/chat/completions").header(SignedPrincipal.HEADER, signer.sign(new Principal(key)))
                .header("x-request-id", "req-1").contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static String body(String model, String text, boolean stream) {
        return """
                {"model":"%s","stream":%s,"stream_options":%s,"messages":[{"role":"user","content":"%s"}]}
                """.formatted(model, stream, stream ? "{\"include_usage\":true}" : "null", text);
    }

    @Test
    void refusesRequestsWithoutASignedPrincipal() {
        client.post().uri("/v1/chat/completions").header(SignedPrincipal.HEADER, "v1.YWRtaW4.0.xx")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body("echo", "hi", false)).exchange()
                .expectStatus().isUnauthorized().expectBody().jsonPath("$.error.type").isEqualTo("authentication_error");
    }

    @Test
    void answersWithTheCollectedCompletionAndSaysWhoServedIt() {
        chat("full", body("echo", "hello there", false)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-provider", "mock")
                .expectHeader().valueEquals("x-switchboard-model", "echo")
                .expectHeader().valueEquals("x-request-id", "req-1")
                .expectBody()
                .jsonPath("$.object").isEqualTo("chat.completion")
                .jsonPath("$.choices[0].message.content").isEqualTo("hello there")
                .jsonPath("$.choices[0].finish_reason").isEqualTo("stop")
                .jsonPath("$.usage.completion_tokens").isNumber();
    }

    @Test
    void streamsChunksUsageAndDone() {
        String sse = chat("full", body("echo", "streaming works fine", true)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();
        List<JsonNode> chunks = sse.lines().filter(l -> l.startsWith("data: {"))
                .map(l -> JSON.readTree(l.substring(6))).toList();
        var text = new StringBuilder();
        chunks.forEach(c -> text.append(c.at("/choices/0/delta/content").asString("")));
        assertThat(text).hasToString("streaming works fine");
        assertThat(chunks.getLast().get("choices")).isEmpty();
        assertThat(chunks.getLast().at("/usage/total_tokens").asLong()).isPositive();
        assertThat(sse).endsWith("data: [DONE]\n\n");
    }

    @Test
    void fallsBackToTheNextTargetBeforeAnyOutput() {
        chat("full", body("resilient", "still here", false)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-provider", "spare")
                .expectBody().jsonPath("$.choices[0].message.content").isEqualTo("still here");
    }

    @Test
    void unknownModelIs404AndForbiddenModelIs403() {
        chat("full", body("nope", "x", false)).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.code").isEqualTo("model_not_found");
        chat("narrow", body("resilient", "x", true)).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.type").isEqualTo("permission_error");
    }

    @Test
    void upstreamRateLimitIs429WithRetryAfterEvenWhenStreaming() {
        chat("full", body("limited", "x", true)).exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("retry-after")
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.error.type").isEqualTo("rate_limit_error");
    }

    @Test
    void failureAfterOutputEndsTheStreamWithAnErrorEvent() {
        String sse = chat("full", body("echo", "[mock:fail-after=2] some words to stream", true)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(sse).contains("data: {\"error\":").doesNotContain("[DONE]");
    }

    @Test
    void malformedJsonIs400InOpenAiEnvelope() {
        chat("full", "{\"model\":").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error");
    }

    @Test
    void aKeyTheEdgeAlreadyKnowsIsFoundWithoutWaitingForThePoll() throws IOException {
        Files.writeString(config, Files.readString(config) + "  - { name: newcomer, key-sha256: "
                + ConfigParser.sha256("k3") + ", models: [echo] }\n");
        chat("newcomer", body("echo", "just added", false)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.choices[0].message.content").isEqualTo("just added");
    }

    @Test
    void listsOnlyTheModelsTheKeyMayUse() {
        client.get().uri("/v1/models").header(SignedPrincipal.HEADER, signer.sign(new Principal("narrow"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.object").isEqualTo("list")
                .jsonPath("$.data.length()").isEqualTo(1)
                .jsonPath("$.data[0].id").isEqualTo("echo")
                .jsonPath("$.data[0].owned_by").isEqualTo("mock");
        client.get().uri("/v1/models/echo").header(SignedPrincipal.HEADER, signer.sign(new Principal("full")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo("echo");
    }
}
