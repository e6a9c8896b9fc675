package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.chat.FinishReason;
import org.jspecify.annotations.Nullable;

/** {@code stop_reason} → finish reason (provider-protocols §5.7), the same for streamed and whole answers. */
final class AnthropicOutcome {

    private AnthropicOutcome() {}

    static FinishReason finishReason(@Nullable String stopReason) {
        return switch (stopReason == null ? "" : stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> FinishReason.LENGTH;
            case "tool_use" -> FinishReason.TOOL_CALLS;
            case "refusal" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP; // end_turn, stop_sequence, pause_turn and reasons added later
        };
    }

    /** The matched stop sequence, reported only when that is why generation stopped. */
    static @Nullable String stopSequence(@Nullable String stopReason, @Nullable String stopSequence) {
        return "stop_sequence".equals(stopReason) ? stopSequence : null;
    }
}
