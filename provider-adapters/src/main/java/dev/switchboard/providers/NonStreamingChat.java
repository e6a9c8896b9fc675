package dev.switchboard.providers;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import reactor.core.publisher.Mono;

/** Optional extra of a ProviderAdapter, found with instanceof: answers a whole completion with one non-streaming upstream call. */
public interface NonStreamingChat {

    /**
     * One {@code stream:false} call answered as a whole, as the provider would answer a direct caller. Failures are
     * error signals carrying a {@link dev.switchboard.contracts.error.GatewayException}, categorised like
     * {@link ProviderAdapter#stream}'s. Nothing happens until subscription; cancelling closes the upstream connection.
     */
    Mono<ChatResponse> complete(ChatRequest request, UpstreamTarget target);
}
