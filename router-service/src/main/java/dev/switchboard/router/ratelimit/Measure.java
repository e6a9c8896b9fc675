package dev.switchboard.router.ratelimit;

import dev.switchboard.contracts.policy.RateLimit;

/** What a rate limit counts: requests (one per request) or tokens (input + output). */
public enum Measure {
    REQUESTS("requests"),
    TOKENS("tokens");

    private final String unit;

    Measure(String unit) {
        this.unit = unit;
    }

    /** The plural noun, also the counter's field name in Redis. */
    public String unit() {
        return unit;
    }

    /** The per-minute limit of this measure, or -1 when {@code limit} sets none. */
    public long limit(RateLimit limit) {
        Long value = this == REQUESTS ? limit.requestsPerMinute() : limit.tokensPerMinute();
        return value == null ? -1 : value;
    }

    /** What one request counts: 1 request, or its tokens. */
    long cost(long tokens) {
        return this == REQUESTS ? 1 : tokens;
    }
}
