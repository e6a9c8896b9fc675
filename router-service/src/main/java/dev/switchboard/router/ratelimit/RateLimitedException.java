package dev.switchboard.router.ratelimit;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.time.Duration;

/**
 * A request over a rate limit: 429 with a {@code retry-after} of the whole seconds (at least 1) until the named limit
 * has room, e.g. {@code rate limit of key 'app': 60 requests per minute; retry after 12 s}.
 */
public final class RateLimitedException extends GatewayException {

    private final transient LimitKey limit;
    private final Measure measure;

    public RateLimitedException(LimitKey limit, Measure measure, Duration untilRoom) {
        this(limit, measure, wholeSeconds(untilRoom));
    }

    private RateLimitedException(LimitKey limit, Measure measure, long seconds) {
        super(ErrorCategory.RATE_LIMITED, limit.describe(measure) + "; retry after " + seconds + " s",
                new Origin(null, 0, Duration.ofSeconds(seconds), null));
        this.limit = requireNonNull(limit, "limit");
        this.measure = requireNonNull(measure, "measure");
    }

    /** The limit that refused. */
    public LimitKey limit() {
        return limit;
    }

    /** Whether it was the requests or the tokens per minute. */
    public Measure measure() {
        return measure;
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, Math.ceilDiv(wait.toMillis(), 1000));
    }
}
