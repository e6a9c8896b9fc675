package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** One typed part of a message. */
public sealed interface ContentPart {

    /** Plain text. */
    record Text(String text) implements ContentPart {
        public Text { requireNonNull(text, "text"); }
    }

    /** An image by URL or {@code data:} URI; {@code detail} is OpenAI's hint (auto, low, high) when given. */
    record ImageRef(String url, @Nullable String detail) implements ContentPart {
        public ImageRef { requireNonNull(url, "url"); }
    }

    /** A call the assistant made; {@code argumentsJson} is the raw JSON text, possibly incomplete or empty. */
    record ToolCall(String id, String name, String argumentsJson) implements ContentPart {
        public ToolCall {
            requireNonNull(id, "id");
            requireNonNull(name, "name");
            requireNonNull(argumentsJson, "argumentsJson");
        }
    }

    /** The result of a tool call, sent back by the caller. */
    record ToolResult(String callId, String content, boolean isError) implements ContentPart {
        public ToolResult {
            requireNonNull(callId, "callId");
            requireNonNull(content, "content");
        }
    }

    /**
     * Marks the part before it as the end of a cacheable prefix (Anthropic's {@code cache_control}); {@code ttl} is
     * {@code 5m}, {@code 1h} or {@code null} for the provider's default. Upstreams without explicit caching ignore it.
     */
    record CacheBreakpoint(@Nullable String ttl) implements ContentPart {}

    /** Encrypted reasoning ({@code redacted_thinking}) from {@code provider}, sent back only to that protocol kind. */
    record RedactedReasoning(String data, String provider) implements ContentPart {
        public RedactedReasoning {
            requireNonNull(data, "data");
            requireNonNull(provider, "provider");
        }
    }

    /**
     * Reasoning text with the protocol kind that produced it, so a signature never reaches another provider. Empty text with a
     * signature is a signature for the part after it (Gemini's thought signature on a function call).
     */
    record Reasoning(String text, @Nullable String signature, @Nullable String provider) implements ContentPart {
        public Reasoning { requireNonNull(text, "text"); }
    }
}
