package dev.switchboard.providers.anthropic;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The Anthropic JSON we read (provider-protocols §2.5–§2.8), as records bound once per event; unknown fields are ignored. */
final class AnthropicWire {

    /** Immutable and thread-safe; snake_case on the wire, camelCase in the records. */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private AnthropicWire() {}

    /** One SSE event's data; which fields are set depends on {@code type}. */
    record Event(@Nullable String type, @Nullable Integer index, @Nullable Message message,
                 @Nullable Block contentBlock, @Nullable Delta delta, @Nullable Usage usage, @Nullable Error error) {}

    /** A whole message ({@code stream:false}), or the skeleton in {@code message_start}; {@code type} is {@code error} on failure. */
    record Message(@Nullable String type, @Nullable String id, @Nullable String model, @Nullable List<Block> content,
                   @Nullable String stopReason, @Nullable String stopSequence, @Nullable Usage usage,
                   @Nullable Error error) {}

    /** A content block: text, thinking, redacted_thinking or tool_use (server tools are ignored). */
    record Block(@Nullable String type, @Nullable String text, @Nullable String thinking, @Nullable String signature,
                 @Nullable String data, @Nullable String id, @Nullable String name, @Nullable JsonNode input) {}

    /** A block delta ({@code text_delta}, ...) or, in {@code message_delta}, the stop reason. */
    record Delta(@Nullable String type, @Nullable String text, @Nullable String thinking, @Nullable String signature,
                 @Nullable String partialJson, @Nullable String stopReason, @Nullable String stopSequence) {}

    /** Every count may be absent: {@code message_delta} carries only what changed (cumulative values). */
    record Usage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cacheCreationInputTokens,
                 @Nullable Long cacheReadInputTokens, @Nullable OutputDetails outputTokensDetails) {}

    record OutputDetails(@Nullable Long thinkingTokens) {}

    /** {@code {"type":"error","error":{"type","message","details":{"error_code"}}}}. */
    record Envelope(@Nullable Error error) {}

    record Error(@Nullable String type, @Nullable String message, @Nullable Details details) {}

    record Details(@Nullable String errorCode) {}

    /** The answer of {@code count_tokens}. */
    record TokenCount(@Nullable Long inputTokens) {}
}
