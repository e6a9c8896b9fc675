package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.testkit.TempYaml;
import java.time.Clock;
import java.util.ArrayList;
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
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + MessagesEndpointTest.SECRET})
class MessagesEndpointTest {

    static final String SECRET = "router-test-secret-anthropic-0123";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @Autowired
    Environment environment;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.config", () -> TempYaml.write("""
                    providers:
                      mock: { kind: mock }
                    models:
                      echo: mock/echo
                      limited: mock/error-429
                      down: mock/error-503
                    keys:
                      - { name: full, key-sha256: %s }
                      - { name: narrow, key-sha256: %s, models: [echo] }
                    """.formatted(ConfigParser.sha256("k1"), ConfigParser.sha256("k2"))).toString());
        registry.add("switchboard.reload-interval", () -> "1h");
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
    }

    private WebTestClient.RequestHeadersSpec<?> messages(String key, String path, String body) {
        return client.post().uri(path).header(SignedPrincipal.HEADER, signer.sign(new Principal(key)))
                .header("x-request-id", "req-a").header("anthropic-version", "2023-06-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body);
    }

    private static String body(String model, String text, boolean stream) {
        return """
                {"model":"%s","max_tokens":64,"stream":%s,"system":[{"type":"text","text":"Be brief.",
                 "cache_control":{"type":"ephemeral"}}],"messages":[{"role":"user","content":"%s"}]}
                """.formatted(model, stream, text);
    }

    @Test
    void answersWithAnAnthropicMessage() {
        messages("full", "/v1/messages?beta=true", body("echo", "hello there", false)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("x-switchboard-provider", "mock")
                .expectHeader().valueEquals("request-id", "req-a")
                .expectBody()
                .jsonPath("$.type").isEqualTo("message")
                .jsonPath("$.id").value(id -> assertThat((String) id).startsWith("msg_"))
                .jsonPath("$.role").isEqualTo("assistant")
                .jsonPath("$.content[0].type").isEqualTo("text")
                .jsonPath("$.content[0].text").isEqualTo("hello there")
                .jsonPath("$.stop_reason").isEqualTo("end_turn")
                .jsonPath("$.usage.output_tokens").isNumber();
    }

    @Test
    void streamsTheAnthropicEventSequence() {
        String sse = messages("full", "/v1/messages", body("echo", "streaming works fine", true)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .expectBody(String.class).returnResult().getResponseBody();
        List<String> names = new ArrayList<>();
        var text = new StringBuilder();
        for (String block : sse.split("\n\n")) {
            String[] lines = block.split("\n");
            String name = lines[0].substring("event: ".length());
            JsonNode data = JSON.readTree(lines[1].substring("data: ".length()));
            assertThat(data.get("type").asString()).isEqualTo(name);
            if (!name.equals(names.isEmpty() ? "" : names.getLast())) {
                names.add(name);
            }
            text.append(data.at("/delta/text").asString(""));
        }
        assertThat(names).containsExactly("message_start", "content_block_start", "content_block_delta",
                "content_block_stop", "message_delta", "message_stop");
        assertThat(text).hasToString("streaming works fine");
        assertThat(sse).contains("\"stop_reason\":\"end_turn\"").contains("\"output_tokens\":");
    }

    @Test
    void toolsComeBackAsToolUseBlocks() {
        String body = """
                {"model":"echo","max_tokens":64,"tools":[{"name":"get_weather","description":"Weather",
                 "input_schema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}],
                 "messages":[{"role":"user","content":"Paris"}]}
                """;
        messages("full", "/v1/messages", body).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.content[0].type").isEqualTo("tool_use")
                .jsonPath("$.content[0].name").isEqualTo("get_weather")
                .jsonPath("$.content[0].input.city").exists()
                .jsonPath("$.stop_reason").isEqualTo("tool_use");
    }

    @Test
    void errorsUseAnthropicsEnvelopeAndStatuses() {
        messages("full", "/v1/messages", body("nope", "x", false)).exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("error")
                .jsonPath("$.error.type").isEqualTo("not_found_error");
        messages("narrow", "/v1/messages", body("limited", "x", true)).exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error.type").isEqualTo("permission_error");
        messages("full", "/v1/messages", body("limited", "x", true)).exchange().expectStatus().isEqualTo(429)
                .expectHeader().exists("retry-after")
                .expectBody().jsonPath("$.error.type").isEqualTo("rate_limit_error");
        messages("full", "/v1/messages", body("down", "x", false)).exchange().expectStatus().isEqualTo(529)
                .expectBody().jsonPath("$.error.type").isEqualTo("overloaded_error");
        messages("full", "/v1/messages", "{\"model\":\"echo\",\"messages\":[]}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.error.type").isEqualTo("invalid_request_error")
                .jsonPath("$.error.message").isEqualTo("max_tokens: is required");
        messages("full", "/v1/messages", "{\"model\":").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("error");
    }

    @Test
    void failureAfterOutputEndsTheStreamWithAnErrorEvent() {
        String sse = messages("full", "/v1/messages", body("echo", "[mock:fail-after=2] some words to stream", true))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(sse).contains("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":")
                .doesNotContain("message_stop");
    }

    @Test
    void countsTokensApproximatelyWhenTheUpstreamCannot() {
        messages("full", "/v1/messages/count_tokens",
                "{\"model\":\"echo\",\"messages\":[{\"role\":\"user\",\"content\":\"" + "word ".repeat(100) + "\"}]}")
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.input_tokens").value(n -> assertThat(((Number) n).longValue()).isBetween(100L, 160L));
    }
}
