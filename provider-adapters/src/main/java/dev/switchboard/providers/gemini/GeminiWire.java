package dev.switchboard.providers.gemini;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Gemini JSON we read, as records bound once per chunk; camelCase on the wire, unknown fields ignored. */
final class GeminiWire {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private GeminiWire() {}

    /** One {@code GenerateContentResponse}: a whole answer or one SSE chunk; {@code error} only in a failed stream. */
    record Response(@Nullable List<Candidate> candidates, @Nullable PromptFeedback promptFeedback,
                    @Nullable UsageMetadata usageMetadata, @Nullable String modelVersion, @Nullable String responseId,
                    @Nullable JsonNode error) {}

    record Candidate(int index, @Nullable Content content, @Nullable String finishReason) {}

    record Content(@Nullable List<Part> parts) {}

    record Part(@Nullable String text, boolean thought, @Nullable String thoughtSignature,
                @Nullable FunctionCall functionCall) {}

    record FunctionCall(@Nullable String id, @Nullable String name, @Nullable JsonNode args) {}

    record PromptFeedback(@Nullable String blockReason) {}

    /** {@code promptTokenCount} includes cached content; {@code candidatesTokenCount} excludes thoughts (§3.4). */
    record UsageMetadata(long promptTokenCount, long cachedContentTokenCount, long candidatesTokenCount,
                         long thoughtsTokenCount, long toolUsePromptTokenCount) {}

    record TokenCount(long totalTokens) {}

    record Embeddings(@Nullable List<Embedding> embeddings) {}

    record Embedding(float @Nullable [] values) {}
}
