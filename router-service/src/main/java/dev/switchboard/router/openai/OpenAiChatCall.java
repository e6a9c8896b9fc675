package dev.switchboard.router.openai;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatRequest;

/** A decoded {@code /v1/chat/completions} call: the canonical request and how the caller wants the answer. */
public record OpenAiChatCall(ChatRequest request, boolean stream, boolean includeUsage) {
    public OpenAiChatCall {
        requireNonNull(request, "request");
    }
}
