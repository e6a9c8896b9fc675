package dev.switchboard.router.routing;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Headroom from upstream rate-limit headers: the smallest remaining/limit fraction over requests and tokens
 * ({@code x-ratelimit-remaining-*} / {@code x-ratelimit-limit-*} of OpenAI, Groq and most compatible providers;
 * {@code anthropic-ratelimit-*-remaining} / {@code -limit}). {@code 1.0} when the response says nothing.
 */
final class RateLimits {

    private static final List<String[]> PAIRS = List.of(
            new String[] {"x-ratelimit-remaining-requests", "x-ratelimit-limit-requests"},
            new String[] {"x-ratelimit-remaining-tokens", "x-ratelimit-limit-tokens"},
            new String[] {"anthropic-ratelimit-requests-remaining", "anthropic-ratelimit-requests-limit"},
            new String[] {"anthropic-ratelimit-tokens-remaining", "anthropic-ratelimit-tokens-limit"},
            new String[] {"anthropic-ratelimit-input-tokens-remaining", "anthropic-ratelimit-input-tokens-limit"},
            new String[] {"anthropic-ratelimit-output-tokens-remaining", "anthropic-ratelimit-output-tokens-limit"});

    private RateLimits() {
    }

    static double headroom(Function<String, @Nullable String> header) {
        double least = 1.0;
        for (String[] pair : PAIRS) {
            Double remaining = number(header.apply(pair[0]));
            Double limit = number(header.apply(pair[1]));
            if (remaining != null && limit != null && limit > 0) {
                least = Math.min(least, Math.max(0, remaining / limit));
            }
        }
        return least;
    }

    private static @Nullable Double number(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
