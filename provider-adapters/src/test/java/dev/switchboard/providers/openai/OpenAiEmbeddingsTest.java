package dev.switchboard.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ResolvedModel;
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

class OpenAiEmbeddingsTest {

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream();

    private final ConnectionProvider connections = ConnectionProvider.create("embeddings-test", 4);
    private final OpenAiAdapter adapter = new OpenAiAdapter(
            new UpstreamClient(UpstreamClient.defaultHttpClient(connections)), OpenAiPresets.openai());

    @AfterEach
    void dispose() {
        connections.dispose();
    }

    private UpstreamTarget target() {
        return new UpstreamTarget("oai", "text-embedding-3-small", URI.create(upstream.baseUrl() + "/v1"), "sk-e",
                Map.of(), Duration.ofSeconds(5));
    }

    @Test
    void postsInputsAndReadsVectorsInIndexOrder() {
        upstream.respondWithStatus(200, """
                {"object":"list","model":"text-embedding-3-small",
                 "data":[{"object":"embedding","index":1,"embedding":[0.5,-0.25]},
                         {"object":"embedding","index":0,"embedding":[0.125,1.0]}],
                 "usage":{"prompt_tokens":8,"total_tokens":8}}""");

        var response = adapter.embed(new EmbeddingRequest("alias", List.of("first", "second"), 2), target())
                .block(Duration.ofSeconds(5));

        assertThat(response).isNotNull();
        assertThat(response.model()).isEqualTo(new ResolvedModel("oai", "text-embedding-3-small"));
        assertThat(response.vectors()).containsExactly(new float[] {0.125f, 1.0f}, new float[] {0.5f, -0.25f});
        assertThat(response.inputTokens()).isEqualTo(8);
        assertThat(upstream.lastRequest().path()).isEqualTo("/v1/embeddings");
        assertThat(upstream.lastRequest().header("Authorization")).isEqualTo("Bearer sk-e");
        JsonAssert.assertJsonEquals("""
                {"model":"text-embedding-3-small","input":["first","second"],"encoding_format":"float","dimensions":2}""",
                upstream.lastRequest().body());
    }

    @Test
    void mapsUpstreamErrorsLikeChat() {
        upstream.respondWithStatus(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}");

        var failure = org.assertj.core.api.Assertions.catchThrowable(() -> adapter
                .embed(new EmbeddingRequest("alias", List.of("x"), null), target()).block(Duration.ofSeconds(5)));

        assertThat(failure).isInstanceOfSatisfying(GatewayException.class, g -> {
            assertThat(g.category()).isEqualTo(ErrorCategory.UPSTREAM_AUTH_FAILED);
            assertThat(g.getMessage()).isEqualTo("oai: Incorrect API key provided (upstream 401)");
        });
        JsonAssert.assertJsonEquals("{\"model\":\"text-embedding-3-small\",\"input\":[\"x\"],\"encoding_format\":\"float\"}",
                upstream.lastRequest().body());
    }
}
