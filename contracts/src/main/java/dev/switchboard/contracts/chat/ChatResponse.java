package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A whole completion: the collected form of a {@link ChatEvent} stream. {@code content} keeps the parts in the order
 * the model produced them: {@link ContentPart.Reasoning} (with its signature), {@link ContentPart.RedactedReasoning},
 * {@link ContentPart.Text} and {@link ContentPart.ToolCall}.
 */
public record ChatResponse(String id, ResolvedModel model, List<ContentPart> content, Outcome outcome) {

    public ChatResponse {
        requireNonNull(id, "id");
        requireNonNull(model, "model");
        content = List.copyOf(content);
        requireNonNull(outcome, "outcome");
    }

    /** The plain shape: reasoning first, then text, then the calls; empty strings are left out. */
    public ChatResponse(String id, ResolvedModel model, String text, String reasoning,
                        List<ContentPart.ToolCall> toolCalls, Outcome outcome) {
        this(id, model, plain(text, reasoning, toolCalls), outcome);
    }

    private static List<ContentPart> plain(String text, String reasoning, List<ContentPart.ToolCall> toolCalls) {
        List<ContentPart> parts = new ArrayList<>(toolCalls.size() + 2);
        if (!reasoning.isEmpty()) {
            parts.add(new ContentPart.Reasoning(reasoning, null, null));
        }
        if (!text.isEmpty()) {
            parts.add(new ContentPart.Text(text));
        }
        parts.addAll(toolCalls);
        return parts;
    }

    /** All text parts joined. */
    public String text() {
        var sb = new StringBuilder();
        for (ContentPart part : content) {
            if (part instanceof ContentPart.Text(String text)) {
                sb.append(text);
            }
        }
        return sb.toString();
    }

    /** All reasoning text joined. */
    public String reasoning() {
        var sb = new StringBuilder();
        for (ContentPart part : content) {
            if (part instanceof ContentPart.Reasoning r) {
                sb.append(r.text());
            }
        }
        return sb.toString();
    }

    public List<ContentPart.ToolCall> toolCalls() {
        List<ContentPart.ToolCall> calls = new ArrayList<>();
        for (ContentPart part : content) {
            if (part instanceof ContentPart.ToolCall call) {
                calls.add(call);
            }
        }
        return calls;
    }

    /**
     * How it ended and what it used; {@code usage} is {@code null} when the upstream reported none,
     * {@code stopSequence} the matched stop sequence when the provider names it.
     */
    public record Outcome(FinishReason finishReason, @Nullable TokenUsage usage, @Nullable String stopSequence) {
        public Outcome { requireNonNull(finishReason, "finishReason"); }

        public Outcome(FinishReason finishReason, @Nullable TokenUsage usage) {
            this(finishReason, usage, null);
        }
    }
}
