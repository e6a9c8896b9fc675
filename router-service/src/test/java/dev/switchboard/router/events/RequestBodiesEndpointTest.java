package dev.switchboard.router.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.TempYaml;
import java.time.Clock;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The request log's bodies ride on the completion event only for teams whose policy keeps them. */
@SpringBootTest(classes = {RouterServiceApplication.class, RequestBodiesEndpointTest.Recorder.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + RequestBodiesEndpointTest.SECRET,
                "switchboard.reload-interval=1h"})
class RequestBodiesEndpointTest {

    static final String SECRET = "router-test-secret-bodies-0123";
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
                models:
                  echo: mock/echo
                teams:
                  - name: support
                    request-log: { bodies: true, retention-days: 7 }
                  - name: payments
                keys:
                  - { name: helpdesk, key-sha256: %s, team: support }
                  - { name: billing, key-sha256: %s, team: payments }
                """.formatted(ConfigParser.sha256("k1"), ConfigParser.sha256("k2"))).toString());
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
    }

    private String post(String path, String key, String requestId, String body) {
        return client.post().uri(path).header(SignedPrincipal.HEADER, signer.sign(new Principal(key)))
                .header("x-request-id", requestId).header("anthropic-version", "2023-06-01")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static String chat(String text, boolean stream) {
        return "{\"model\":\"echo\",\"stream\":" + stream + ",\"messages\":[{\"role\":\"user\",\"content\":\"" + text
                + "\"}]}";
    }

    @Test
    void aTeamThatKeepsBodiesGetsTheRequestAsSentAndTheWholeAnswerAsReceived() {
        String request = chat("keep this prompt", false);
        String answer = post("/v1/chat/completions", "helpdesk", "bodies-whole", request);

        CompletionEvent.Bodies bodies = events.only("bodies-whole").bodies();

        assertThat(bodies).isNotNull();
        assertThat(bodies.request()).isEqualTo(request);
        assertThat(bodies.response()).isEqualTo(answer);
        assertThat(bodies.truncated()).isFalse();
        assertThat(bodies.retentionDays()).isEqualTo(7);
        assertThat(bodies.request() + bodies.response()).doesNotContain("k1").doesNotContain(SECRET);
    }

    @Test
    void aStreamIsKeptAsTheAssembledAnswer() {
        String request = chat("stream this prompt", true);
        String sse = post("/v1/chat/completions", "helpdesk", "bodies-stream", request);

        CompletionEvent.Bodies bodies = events.only("bodies-stream").bodies();

        assertThat(bodies).isNotNull();
        assertThat(bodies.request()).isEqualTo(request);
        JsonNode kept = JSON.readTree(bodies.response());
        StringBuilder streamedText = new StringBuilder();
        sse.lines().filter(l -> l.startsWith("data: {")).map(l -> JSON.readTree(l.substring(6)))
                .forEach(chunk -> streamedText.append(chunk.at("/choices/0/delta/content").asString("")));
        assertThat(kept.path("text").asString()).isEqualTo(streamedText.toString()).isNotEmpty();
        assertThat(kept.path("finishReason").asString()).isEqualTo("STOP");
        assertThat(kept.path("toolCalls").isArray()).isTrue();
    }

    @Test
    void theAnthropicRouteKeepsItsOwnWireForm() {
        String request = "{\"model\":\"echo\",\"max_tokens\":50,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        String answer = post("/v1/messages", "helpdesk", "bodies-anthropic", request);

        CompletionEvent.Bodies bodies = events.only("bodies-anthropic").bodies();

        assertThat(bodies).isNotNull();
        assertThat(bodies.request()).isEqualTo(request);
        assertThat(bodies.response()).isEqualTo(answer);
    }

    @Test
    void aTeamWithoutTheFlagKeepsNoBodiesStreamedOrWhole() {
        post("/v1/chat/completions", "billing", "no-bodies-whole", chat("private", false));
        post("/v1/chat/completions", "billing", "no-bodies-stream", chat("private", true));

        assertThat(events.only("no-bodies-whole").bodies()).isNull();
        assertThat(events.only("no-bodies-stream").bodies()).isNull();
        assertThat(events.only("no-bodies-stream").result().status()).isEqualTo(200);
    }
}
