package dev.switchboard.router.openai;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatRequest;
import java.util.Map;

/**
 * A decoded {@code /v1/chat/completions} call: the canonical request, how the caller wants the answer, and the
 * request's {@code metadata} (string values; for routing rules and feature tags, never sent upstream).
 */
public record OpenAiChatCall(ChatRequest request, boolean stream, boolean includeUsage, Map<String, String> metadata) {
    public OpenAiChatCall {
        requireNonNull(request, "request");
        metadata = Map.copyOf(metadata);
    }
}
