package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A whole completion: the collected form of a {@link ChatEvent} stream. */
public record ChatResponse(String id, ResolvedModel model, String text, String reasoning,
                           List<ContentPart.ToolCall> toolCalls, Outcome outcome) {

    public ChatResponse {
        requireNonNull(id, "id");
        requireNonNull(model, "model");
        requireNonNull(text, "text");
        requireNonNull(reasoning, "reasoning");
        toolCalls = List.copyOf(toolCalls);
        requireNonNull(outcome, "outcome");
    }

    /** How it ended and what it used; {@code usage} is {@code null} when the upstream reported none. */
    public record Outcome(FinishReason finishReason, @Nullable TokenUsage usage) {
        public Outcome { requireNonNull(finishReason, "finishReason"); }
    }
}
