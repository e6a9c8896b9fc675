package dev.switchboard.providers.http;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Whether an upstream's 400 says the input does not fit the model's context window (provider-protocols §5.10), so
 * routing can move to a model with a larger window instead of retrying. One list for every protocol: providers
 * relay each other's phrasings.
 */
public final class ContextOverflow {

    private static final List<String> PHRASES = List.of("context_length_exceeded", "maximum context length",
            "prompt is too long", "exceed context limit", "too large for model", "reduce the length of the messages",
            "context window");

    private ContextOverflow() {
    }

    /** Case-insensitive; {@code text} may join an error code and message. */
    public static boolean says(@Nullable String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return PHRASES.stream().anyMatch(lower::contains)
                || lower.contains("input token count") && lower.contains("exceeds the maximum");
    }
}
