package dev.switchboard.router.ratelimit;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Collects the limits that refuse one request and keeps the one that needs the longest wait (the first in list order
 * on a tie): the request cannot pass before that one has room.
 */
final class Refusals {

    private final long elapsed;
    private @Nullable LimitKey limit;
    private @Nullable Measure measure;
    private long waitMillis = -1;

    /** @param elapsed milliseconds into the current window */
    Refusals(long elapsed) {
        this.elapsed = elapsed;
    }

    /** Checks one limit's counts; returns whether the cost fits. */
    boolean check(LimitKey key, Measure what, long previous, long current, long cost) {
        long max = what.limit(key.limit());
        if (SlidingWindow.fits(previous, current, cost, max, elapsed)) {
            return true;
        }
        refused(key, what, previous, current, cost);
        return false;
    }

    /** Records a refusal the caller (the Redis script) already decided. */
    void refused(LimitKey key, Measure what, long previous, long current, long cost) {
        long wait = SlidingWindow.untilRoom(previous, current, cost, what.limit(key.limit()), elapsed);
        if (wait > waitMillis) {
            limit = key;
            measure = what;
            waitMillis = wait;
        }
    }

    void throwIfAny() {
        if (limit != null && measure != null) {
            throw new RateLimitedException(limit, measure, Duration.ofMillis(waitMillis));
        }
    }
}
