package dev.switchboard.router.anthropic;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatRequest;

/** A decoded {@code /v1/messages} call: the canonical request and whether the caller wants a stream. */
public record AnthropicCall(ChatRequest request, boolean stream) {
    public AnthropicCall {
        requireNonNull(request, "request");
    }
}
