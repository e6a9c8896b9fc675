package dev.switchboard.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.providers.http.UpstreamClient;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.JsonAssert;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.resources.ConnectionProvider;

class GeminiAdapterTest {

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream();

    private final ConnectionProvider connections = ConnectionProvider.create("gemini-test", 4);
    private final GeminiAdapter adapter = new GeminiAdapter(new UpstreamClient(UpstreamClient.defaultHttpClient(connections)));

    @AfterEach
    void dispose() {
        connections.dispose();
    }

    private UpstreamTarget target(String model) {
        return new UpstreamTarget("gem", model, URI.create(upstream.baseUrl() + "/v1beta/"), "AIza-key", Map.of(),
                Duration.ofSeconds(5));
    }

    @Test
    void countsInputTokensWithTheWholeRequest() {
        upstream.respondWithStatus(200, "{\"totalTokens\":31}");
        Long tokens = adapter.countInputTokens(ChatRequest.of("alias", List.of(Message.of(Role.USER, "Hi"))),
                target("models/gemini-2.5-flash")).block(Duration.ofSeconds(10));
        assertThat(tokens).isEqualTo(31);
        var request = upstream.lastRequest();
        assertThat(request.target()).isEqualTo("/v1beta/models/gemini-2.5-flash:countTokens");
        assertThat(request.header("x-goog-api-key")).isEqualTo("AIza-key");
        JsonAssert.assertJsonEquals("""
                {"generateContentRequest":{"model":"models/gemini-2.5-flash",
                  "contents":[{"role":"user","parts":[{"text":"Hi"}]}]}}""", request.body());
    }

    @Test
    void failsACountLikeAnyCall() {
        upstream.respondWithStatus(404, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\",\"message\":\"no such model\"}}");
        var mono = adapter.countInputTokens(ChatRequest.of("alias", List.of(Message.of(Role.USER, "Hi"))),
                target("gemini-0"));
        assertThat(mono.materialize().block(Duration.ofSeconds(10)).getThrowable())
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.MODEL_NOT_FOUND));
    }

    @Test
    void embedsEveryInputInOneBatchInOrder() {
        upstream.respondWithStatus(200, "{\"embeddings\":[{\"values\":[0.1,0.2]},{\"values\":[0.3,0.4]}]}");
        var response = adapter.embed(new EmbeddingRequest("alias", List.of("a", "b"), 2), target("gemini-embedding-001"))
                .block(Duration.ofSeconds(10));
        assertThat(response.vectors()).containsExactly(new float[] {0.1f, 0.2f}, new float[] {0.3f, 0.4f});
        assertThat(response.model().model()).isEqualTo("gemini-embedding-001");
        var request = upstream.lastRequest();
        assertThat(request.target()).isEqualTo("/v1beta/models/gemini-embedding-001:batchEmbedContents");
        JsonAssert.assertJsonEquals("""
                {"requests":[
                  {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"a"}]},"outputDimensionality":2},
                  {"model":"models/gemini-embedding-001","content":{"parts":[{"text":"b"}]},"outputDimensionality":2}]}""",
                request.body());
    }
}
