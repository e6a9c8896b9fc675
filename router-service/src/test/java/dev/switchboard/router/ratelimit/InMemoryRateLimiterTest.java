package dev.switchboard.router.ratelimit;

import java.time.Instant;

class InMemoryRateLimiterTest extends RateLimiterContract {

    private InMemoryRateLimiter limiter;

    @Override
    protected RateLimiter limiter() {
        limiter = new InMemoryRateLimiter();
        return limiter;
    }

    @Override
    protected long[] usage(LimitKey limit, Instant window) {
        return limiter.usage(limit, window);
    }
}
