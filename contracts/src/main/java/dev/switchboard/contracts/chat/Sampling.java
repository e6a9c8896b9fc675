package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Generation controls. A {@code null} field was not set by the caller and is not sent upstream.
 * {@code maxOutputTokens} bounds all output, reasoning included.
 */
public record Sampling(@Nullable Double temperature, @Nullable Double topP, @Nullable Integer maxOutputTokens,
                       List<String> stop, @Nullable Long seed, Penalties penalties, @Nullable Integer topK) {

    public static final Sampling DEFAULT = new Sampling(null, null, null, List.of(), null, Penalties.NONE, null);

    public Sampling {
        stop = List.copyOf(stop);
        requireNonNull(penalties, "penalties");
    }

    /** Without {@code top_k}, which OpenAI's wire format lacks. */
    public Sampling(@Nullable Double temperature, @Nullable Double topP, @Nullable Integer maxOutputTokens,
                    List<String> stop, @Nullable Long seed, Penalties penalties) {
        this(temperature, topP, maxOutputTokens, stop, seed, penalties, null);
    }

    public Sampling withMaxOutputTokens(@Nullable Integer max) {
        return new Sampling(temperature, topP, max, stop, seed, penalties, topK);
    }

    /** OpenAI-style presence and frequency penalties. */
    public record Penalties(@Nullable Double presence, @Nullable Double frequency) {
        public static final Penalties NONE = new Penalties(null, null);
    }
}
