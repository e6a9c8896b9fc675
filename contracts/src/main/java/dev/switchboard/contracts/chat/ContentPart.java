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

    /** Reasoning text with the provider that produced it, so a signature never reaches another provider. */
    record Reasoning(String text, @Nullable String signature, @Nullable String provider) implements ContentPart {
        public Reasoning { requireNonNull(text, "text"); }
    }
}
