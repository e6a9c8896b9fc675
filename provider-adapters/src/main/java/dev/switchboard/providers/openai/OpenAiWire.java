package dev.switchboard.providers.openai;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI JSON we read, as records bound once per chunk (no tree per chunk); unknown fields are ignored. */
final class OpenAiWire {

    /** Immutable and thread-safe; snake_case on the wire, camelCase in the records. */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private OpenAiWire() {}

    /** One {@code chat.completion.chunk}; {@code error} is the in-stream failure shape, object or string. */
    record Chunk(@Nullable String id, @Nullable String model, @Nullable List<Choice> choices, @Nullable Usage usage,
                 @Nullable XGroq xGroq, @Nullable JsonNode error) {}

    record Choice(int index, @Nullable Delta delta, @Nullable String finishReason) {}

    record Delta(@Nullable String content, @Nullable String reasoningContent, @Nullable String reasoning,
                 @Nullable List<ToolCallDelta> toolCalls) {}

    /** {@code index} is missing on Gemini's compatibility endpoint, which also puts its thought signature here. */
    record ToolCallDelta(@Nullable Integer index, @Nullable String id, @Nullable FunctionDelta function,
                         @Nullable ExtraContent extraContent) {}

    /** {@code extra_content.google.thought_signature} (Gemini's compatibility endpoint). */
    record ExtraContent(@Nullable Google google) {}

    record Google(@Nullable String thoughtSignature) {}

    /** The provenance of thought signatures read from {@code extra_content.google}. */
    static final String GEMINI = "gemini";

    static @Nullable String thoughtSignature(@Nullable ExtraContent extra) {
        return extra == null || extra.google() == null ? null : extra.google().thoughtSignature();
    }

    record FunctionDelta(@Nullable String name, @Nullable String arguments) {}

    record Usage(long promptTokens, long completionTokens, long totalTokens,
                 @Nullable PromptDetails promptTokensDetails, @Nullable CompletionDetails completionTokensDetails) {}

    record PromptDetails(long cachedTokens, long cacheWriteTokens) {}

    record CompletionDetails(long reasoningTokens) {}

    /** Groq puts the stream's usage in {@code x_groq.usage} on the final chunk. */
    record XGroq(@Nullable Usage usage) {}

    /** A whole {@code chat.completion} ({@code stream:false}); a 200 may carry a top-level {@code error} instead (OpenRouter). */
    record Completion(@Nullable String id, @Nullable String model, @Nullable List<CompletionChoice> choices,
                      @Nullable Usage usage, @Nullable XGroq xGroq, @Nullable JsonNode error) {}

    record CompletionChoice(int index, @Nullable ResponseMessage message, @Nullable String finishReason) {}

    /** {@code reasoning_content} (DeepSeek-style, xAI, Groq) or {@code reasoning} (OpenRouter), both plain strings. */
    record ResponseMessage(@Nullable String content, @Nullable String reasoningContent, @Nullable String reasoning,
                           @Nullable List<ToolCall> toolCalls) {}

    record ToolCall(@Nullable String id, @Nullable FunctionCall function, @Nullable ExtraContent extraContent) {}

    /** {@code arguments} is a JSON string per the spec; some upstreams send the object itself. */
    record FunctionCall(@Nullable String name, @Nullable JsonNode arguments) {}

    record EmbeddingList(@Nullable List<Embedding> data, @Nullable String model, @Nullable Usage usage) {}

    record Embedding(int index, float @Nullable [] embedding) {}
}
