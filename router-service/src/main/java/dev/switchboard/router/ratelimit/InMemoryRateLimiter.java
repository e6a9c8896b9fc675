package dev.switchboard.router.ratelimit;

import static dev.switchboard.router.ratelimit.SlidingWindow.WINDOW_MILLIS;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rate limiter of one process (all-in-one, or a single router): exact, since every counting operation holds the
 * lock (a few map lookups per limit). Windows are dropped once they no longer count.
 */
public final class InMemoryRateLimiter implements RateLimiter {

    private final Map<String, Counter> counters = new HashMap<>();
    private long nextSweep = Long.MIN_VALUE;

    @Override
    public Permit acquire(List<LimitKey> limits, long estimatedTokens, Instant now) {
        Permit permit = Permit.of(limits, estimatedTokens, now);
        if (!permit.limits().isEmpty()) {
            count(permit, now);
        }
        return permit;
    }

    @Override
    public void settle(Permit permit, long actualTokens, Instant now) {
        Permit.Correction correction = permit.correction(actualTokens, now);
        List<LimitKey> limits = permit.tokenLimits();
        if (limits.isEmpty() || correction.tokens() == 0) {
            return;
        }
        synchronized (this) {
            for (LimitKey limit : limits) {
                Counter counter = counters.computeIfAbsent(limit.counterId(correction.window()), id -> new Counter());
                counter.tokens = Math.max(0, counter.tokens + correction.tokens());
            }
        }
    }

    /** Requests and tokens counted in a window, for tests and diagnostics. */
    synchronized long[] usage(LimitKey limit, Instant windowStart) {
        Counter counter = counters.get(limit.counterId(windowStart.toEpochMilli()));
        return counter == null ? new long[] {0, 0} : new long[] {counter.requests, counter.tokens};
    }

    private synchronized void count(Permit permit, Instant now) {
        long current = SlidingWindow.start(now);
        sweep(current);
        Refusals refusals = new Refusals(SlidingWindow.elapsed(now));
        for (LimitKey limit : permit.limits()) {
            String previous = limit.counterId(current - WINDOW_MILLIS);
            String present = limit.counterId(current);
            for (Measure measure : Measure.values()) {
                if (measure.limit(limit.limit()) >= 0) {
                    refusals.check(limit, measure, counted(previous, measure), counted(present, measure),
                            measure.cost(permit.estimatedTokens()));
                }
            }
        }
        refusals.throwIfAny();
        for (LimitKey limit : permit.limits()) {
            Counter counter = counters.computeIfAbsent(limit.counterId(current), id -> new Counter());
            counter.requests += limit.limit().requestsPerMinute() == null ? 0 : 1;
            counter.tokens += limit.limit().tokensPerMinute() == null ? 0 : permit.estimatedTokens();
        }
    }

    private long counted(String counterId, Measure measure) {
        Counter counter = counters.get(counterId);
        return counter == null ? 0 : measure == Measure.REQUESTS ? counter.requests : counter.tokens;
    }

    private void sweep(long current) {
        if (current < nextSweep) {
            return;
        }
        nextSweep = current + WINDOW_MILLIS;
        counters.entrySet().removeIf(e -> windowOf(e.getKey()) < current - WINDOW_MILLIS);
    }

    private static long windowOf(String counterId) {
        return Long.parseLong(counterId.substring(counterId.lastIndexOf(':') + 1)) * WINDOW_MILLIS;
    }

    private static final class Counter {
        long requests;
        long tokens;
    }
}
