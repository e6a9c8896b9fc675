package dev.switchboard.contracts.policy;

import org.jspecify.annotations.Nullable;

/** Requests and tokens (input + output) per minute; null means no limit. */
public record RateLimit(@Nullable Long requestsPerMinute, @Nullable Long tokensPerMinute) {

    public static final RateLimit NONE = new RateLimit(null, null);

    public RateLimit {
        if (requestsPerMinute != null && requestsPerMinute < 0 || tokensPerMinute != null && tokensPerMinute < 0) {
            throw new IllegalArgumentException("rate limits are at least 0");
        }
    }

    public boolean isNone() {
        return requestsPerMinute == null && tokensPerMinute == null;
    }
}
