package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

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

    /**
     * Closes the reasoning in progress with the provider's signature. With no reasoning text since the last other
     * event it is a signature the provider attached to the next part instead (Gemini's thought signature on a
     * function call). {@code provider} is the protocol kind that can verify it, e.g. {@code anthropic},
     * {@code gemini}: a signature is only ever sent back to that kind.
     */
    record ReasoningSignature(String signature, String provider) implements ChatEvent {
        public ReasoningSignature {
            requireNonNull(signature, "signature");
            requireNonNull(provider, "provider");
        }
    }

    /** Reasoning the provider returned encrypted (Anthropic's {@code redacted_thinking}), to be sent back as is. */
    record RedactedReasoning(String data, String provider) implements ChatEvent {
        public RedactedReasoning {
            requireNonNull(data, "data");
            requireNonNull(provider, "provider");
        }
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

    /** {@code stopSequence} is the caller's stop sequence that ended generation, when the provider says which. */
    record Finished(FinishReason reason, @Nullable String stopSequence) implements ChatEvent {
        public Finished { requireNonNull(reason, "reason"); }

        public Finished(FinishReason reason) {
            this(reason, null);
        }
    }
}
