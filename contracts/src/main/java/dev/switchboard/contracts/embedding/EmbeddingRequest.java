package dev.switchboard.contracts.embedding;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Texts to embed; {@code dimensions} is set only when the caller asked for a size. */
public record EmbeddingRequest(String model, List<String> inputs, @Nullable Integer dimensions) {
    public EmbeddingRequest {
        requireNonNull(model, "model");
        inputs = List.copyOf(inputs);
    }

    public EmbeddingRequest withModel(String newModel) {
        return new EmbeddingRequest(newModel, inputs, dimensions);
    }
}
