package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import dev.switchboard.testkit.TempYaml;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@SpringBootTest(classes = EdgeGatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=edge", "switchboard.edge.max-body-size=2KB"})
class EdgeGatewayTest {

    static final String SECRET = "edge-test-secret-0123456789";
    static final String ADMIN_KEY = "sb-admin-key-for-tests";
    static final String APP_KEY = "sb-app-key-for-tests";

    @RegisterExtension
    static final FakeUpstream router = new FakeUpstream();

    @Autowired
    Environment environment;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.edge.router-url", router::baseUrl);
        registry.add("switchboard.internal-secret", () -> SECRET);
        registry.add("switchboard.admin-key-sha256", () -> ConfigParser.sha256(ADMIN_KEY));
        registry.add("switchboard.config", EdgeGatewayTest::configFile);
    }

    static String configFile() {
        return TempYaml.write("""
                providers: { mock: { kind: mock } }
                models: { echo: mock/echo }
                keys:
                  - { name: app, key-sha256: %s }
                """.formatted(ConfigParser.sha256(APP_KEY))).toString();
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer()
                .baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port")).build();
        router.respondByDefault(RawResponse.json(200, "{\"ok\":true}"));
    }

    @Test
    void rejectsMissingKeyInOpenAiEnvelopeWithoutReachingTheRouter() {
        client.post().uri("/v1/chat/completions").bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("x-request-id")
                .expectBody()
                .jsonPath("$.error.type").isEqualTo("authentication_error")
                .jsonPath("$.error.code").isEqualTo("invalid_api_key");
        assertThat(router.requests()).isEmpty();
    }

    @Test
    void rejectsMissingKeyOnTheAnthropicRouteInAnthropicsEnvelope() {
        client.post().uri("/v1/messages?beta=true").header("anthropic-version", "2023-06-01").bodyValue("{}").exchange()
                .expectStatus().isUnauthorized()
                .expectBody()
                .jsonPath("$.type").isEqualTo("error")
                .jsonPath("$.error.type").isEqualTo("authentication_error");
        assertThat(router.requests()).isEmpty();
    }

    @Test
    void rejectsUnknownKeyWithoutEchoingIt() {
        String body = client.post().uri("/v1/models").header("Authorization", "Bearer sb-wrong-key-0123456789")
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("sb-w****6789").doesNotContain("sb-wrong-key-0123456789");
        assertThat(router.requests()).isEmpty();
    }

    @Test
    void treatsAJwtShapedBearerAsAKeyWhenNoIdentityProviderIsConfigured() {
        String jwtShaped = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
        String body = client.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + jwtShaped)
                .exchange().expectStatus().isUnauthorized().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("Incorrect API key provided").doesNotContain(jwtShaped);
        assertThat(router.requests()).isEmpty();
    }

    @Test
    void forwardsWithSignedPrincipalAndStripsCallerIdentityAndKeys() {
        client.post().uri("/v1/chat/completions").header("Authorization", "Bearer " + ADMIN_KEY)
                .header(SignedPrincipal.HEADER, "v1.forged.0.sig").header("x-api-key", "something-else")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"model\":\"echo\"}")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.ok").isEqualTo(true);

        var forwarded = router.lastRequest();
        assertThat(forwarded.target()).isEqualTo("/v1/chat/completions");
        assertThat(forwarded.body()).isEqualTo("{\"model\":\"echo\"}");
        assertThat(forwarded.headers()).doesNotContainKeys("authorization", "x-api-key");
        var verifier = new SignedPrincipal(SECRET, Clock.systemUTC());
        assertThat(verifier.verify(forwarded.headers().get(SignedPrincipal.HEADER))).contains(new Principal("admin", null, null, java.util.Set.of(dev.switchboard.contracts.identity.Roles.PLATFORM_ADMIN)));
    }

    @Test
    void acceptsConfiguredKeysAsXApiKey() {
        client.get().uri("/v1/models").header("x-api-key", APP_KEY).exchange().expectStatus().isOk();
        var verifier = new SignedPrincipal(SECRET, Clock.systemUTC());
        assertThat(verifier.verify(router.lastRequest().headers().get(SignedPrincipal.HEADER)))
                .contains(new Principal("app"));
    }

    @Test
    void propagatesCallerRequestIdAndAssignsOneOtherwise() {
        client.get().uri("/v1/models").header("x-api-key", APP_KEY).header("x-request-id", "req-123")
                .exchange().expectHeader().valueEquals("x-request-id", "req-123");
        assertThat(router.lastRequest().headers()).containsEntry("x-request-id", "req-123");

        String assigned = client.get().uri("/v1/models").header("x-api-key", APP_KEY).exchange()
                .returnResult(String.class).getResponseHeaders().getFirst("x-request-id");
        assertThat(assigned).isNotBlank();
        assertThat(router.lastRequest().headers()).containsEntry("x-request-id", assigned);
    }

    @Test
    void rejectsDeclaredOversizedBodyWith413() {
        client.post().uri("/v1/chat/completions").header("x-api-key", APP_KEY)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("x".repeat(4096))
                .exchange().expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.error.code").isEqualTo("request_too_large");
        assertThat(router.requests()).isEmpty();
    }

    @Test
    void rejectsChunkedOversizedBodyWith413() {
        var buffers = DefaultDataBufferFactory.sharedInstance;
        var chunks = Flux.range(0, 8).map(i -> buffers.wrap("y".repeat(512).getBytes(StandardCharsets.UTF_8)));
        client.post().uri("/v1/chat/completions").header("x-api-key", APP_KEY)
                .contentType(MediaType.APPLICATION_JSON).body(chunks, org.springframework.core.io.buffer.DataBuffer.class)
                .exchange().expectStatus().isEqualTo(413);
    }

    @Test
    void answersUnknownPathsInOpenAiEnvelope() {
        client.get().uri("/nowhere").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.error.message").isEqualTo("unknown path GET /nowhere");
    }
}
