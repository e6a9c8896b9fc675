package dev.switchboard.router.ratelimit;

import java.time.Instant;

/**
 * The sliding-window arithmetic both limiters share (the Redis script repeats {@link #fits} in Lua). Counts live in
 * fixed one-minute windows aligned to the epoch; the count over the last minute is the current window's plus the
 * previous window's weighted by the part of it still inside the last minute. All in integers (scaled by the window's
 * milliseconds), exact in Lua's doubles while limits and counts stay below 10^11.
 *
 * <p>A limit of 0 refuses everything. A request larger than a whole limit (say 8 000 estimated tokens against 5 000
 * per minute) is admitted when the window is otherwise empty, rather than never.
 */
final class SlidingWindow {

    static final long WINDOW_MILLIS = 60_000;

    private SlidingWindow() {
    }

    /** The start, in epoch milliseconds, of the window holding {@code now}. */
    static long start(Instant now) {
        return Math.floorDiv(now.toEpochMilli(), WINDOW_MILLIS) * WINDOW_MILLIS;
    }

    /** Milliseconds since the start of the window holding {@code now}. */
    static long elapsed(Instant now) {
        return Math.floorMod(now.toEpochMilli(), WINDOW_MILLIS);
    }

    /** previous × (W − elapsed) / W + current + cost ≤ limit. */
    static boolean fits(long previous, long current, long cost, long limit, long elapsed) {
        if (limit == 0) {
            return false;
        }
        long charged = Math.min(cost, limit);
        return previous * (WINDOW_MILLIS - elapsed) + (current + charged) * WINDOW_MILLIS <= limit * WINDOW_MILLIS;
    }

    /** Milliseconds until {@code cost} fits, if nothing else is counted meanwhile; only for counts that do not fit. */
    static long untilRoom(long previous, long current, long cost, long limit, long elapsed) {
        if (limit == 0) {
            return WINDOW_MILLIS; // never: ask again in a minute, when the limit may have changed
        }
        long charged = Math.min(cost, limit);
        if (current + charged <= limit) {
            // room comes in this window, as the previous one slides out (previous > 0, or it would fit)
            return Math.ceilDiv(previous * (WINDOW_MILLIS - elapsed) - (limit - current - charged) * WINDOW_MILLIS,
                    previous);
        }
        // only once the current window has become the previous one (current > 0 since charged <= limit)
        return WINDOW_MILLIS - elapsed + Math.ceilDiv((current + charged - limit) * WINDOW_MILLIS, current);
    }
}
