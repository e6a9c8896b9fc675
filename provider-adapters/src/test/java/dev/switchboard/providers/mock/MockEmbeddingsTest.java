package dev.switchboard.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.UpstreamTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class MockEmbeddingsTest {

    private final MockAdapter mock = new MockAdapter();

    private EmbeddingResponse embed(String model, Integer dimensions, String... inputs) {
        var target = new UpstreamTarget("mock", model, null, null, Map.of(), Duration.ofSeconds(1));
        return mock.embed(new EmbeddingRequest(model, List.of(inputs), dimensions), target).block();
    }

    @Test
    void sameTextSameUnitVectorDifferentTextDifferentVector() {
        var response = embed("embed", null, "hello", "hello", "world");
        assertThat(response.vectors()).hasSize(3).allSatisfy(v -> {
            assertThat(v).hasSize(MockEmbeddings.DEFAULT_DIMENSIONS);
            double norm = 0;
            for (float x : v) {
                norm += x * x;
            }
            assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        });
        assertThat(response.vectors().get(0)).containsExactly(response.vectors().get(1));
        assertThat(response.vectors().get(0)).isNotEqualTo(response.vectors().get(2));
        assertThat(response.inputTokens()).isEqualTo(4);
        assertThat(response.model().provider()).isEqualTo("mock");
    }

    @Test
    void honoursRequestedDimensionsBeyondOneDigestBlock() {
        assertThat(embed("embed", 100, "x").vectors().getFirst()).hasSize(100);
    }

    @Test
    void forcedErrorModelsFail() {
        var target = new UpstreamTarget("mock", "error-429", null, null, Map.of(), Duration.ofSeconds(1));
        StepVerifier.create(mock.embed(new EmbeddingRequest("error-429", List.of("x"), null), target))
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).category())
                        .isEqualTo(ErrorCategory.RATE_LIMITED)).verify();
    }
}
