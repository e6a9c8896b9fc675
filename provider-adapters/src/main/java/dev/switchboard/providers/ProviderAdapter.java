package dev.switchboard.providers;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import reactor.core.publisher.Flux;

/**
 * Talks to one kind of upstream. Adapters never read env or config: everything arrives in {@link UpstreamTarget}.
 * Optional extras (e.g. {@link EmbeddingAdapter}) are found with {@code instanceof}.
 */
public interface ProviderAdapter {

    /** The {@code kind:} in switchboard.yaml, e.g. {@code openai}, {@code groq}, {@code mock}. */
    String kind();

    Capabilities capabilities();

    /**
     * Streams one completion: one {@link ChatEvent.Started} first, one {@link ChatEvent.Finished} last, at most one
     * {@link ChatEvent.UsageReported} before it. Failures are error signals carrying a
     * {@link dev.switchboard.contracts.error.GatewayException}. Nothing happens until subscription, and
     * cancelling closes the upstream connection.
     */
    Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target);
}
