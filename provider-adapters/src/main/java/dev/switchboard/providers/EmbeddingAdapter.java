package dev.switchboard.providers;

import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import reactor.core.publisher.Mono;

/** Optional extra of a {@link ProviderAdapter} whose upstream serves embeddings; failures are GatewayExceptions. */
public interface EmbeddingAdapter {
    Mono<EmbeddingResponse> embed(EmbeddingRequest request, UpstreamTarget target);
}
