package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

/**
 * One event of a chat completion stream. Order: one {@link Started} first, one {@link Finished} last,
 * at most one {@link UsageReported} before it. Failures are error signals carrying a
 * {@link dev.switchboard.contracts.error.GatewayException}, never events.
 */
public sealed interface ChatEvent {

    record Started(String responseId, ResolvedModel model) implements ChatEvent {
        public Started {
            requireNonNull(responseId, "responseId");
            requireNonNull(model, "model");
        }
    }

    record TextDelta(String text) implements ChatEvent {
        public TextDelta { requireNonNull(text, "text"); }
    }

    record ReasoningDelta(String text) implements ChatEvent {
        public ReasoningDelta { requireNonNull(text, "text"); }
    }

    /** The first fragment of tool call number {@code index} (0-based, increasing per call). */
    record ToolCallStarted(int index, String callId, String name) implements ChatEvent {
        public ToolCallStarted {
            requireNonNull(callId, "callId");
            requireNonNull(name, "name");
        }
    }

    record ToolCallArgumentsDelta(int index, String jsonFragment) implements ChatEvent {
        public ToolCallArgumentsDelta { requireNonNull(jsonFragment, "jsonFragment"); }
    }

    record UsageReported(TokenUsage usage) implements ChatEvent {
        public UsageReported { requireNonNull(usage, "usage"); }
    }

    record Finished(FinishReason reason) implements ChatEvent {
        public Finished { requireNonNull(reason, "reason"); }
    }
}
