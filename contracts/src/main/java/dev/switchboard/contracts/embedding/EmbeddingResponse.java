package dev.switchboard.contracts.embedding;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ResolvedModel;
import java.util.List;

/** One vector per input, in input order, and the input tokens used. */
public record EmbeddingResponse(ResolvedModel model, List<float[]> vectors, long inputTokens) {
    public EmbeddingResponse {
        requireNonNull(model, "model");
        vectors = List.copyOf(vectors);
    }
}
