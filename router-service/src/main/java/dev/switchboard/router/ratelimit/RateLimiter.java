package dev.switchboard.router.ratelimit;

import java.time.Instant;
import java.util.List;

/**
 * Requests and tokens per minute per owner, counted in a sliding one-minute window ({@link SlidingWindow}). {@link
 * #acquire} is all or nothing across the limits of one request: either every limit counts it or none does.
 * Implementations: {@link InMemoryRateLimiter} (one process, exact) and {@link RedisRateLimiter} (shared by router
 * replicas).
 */
public interface RateLimiter {

    /**
     * Counts 1 request and {@code estimatedTokens} tokens against every limit of {@code limits}, if each has room for
     * them in the minute before {@code now}. Limits that set nothing are skipped; a request with none costs nothing
     * and does no I/O.
     *
     * @throws RateLimitedException naming the limit that refused (the one that needs the longest wait when several
     *                              do), with the whole seconds until it has room as its retry-after
     */
    Permit acquire(List<LimitKey> limits, long estimatedTokens, Instant now);

    /**
     * Replaces the permit's estimated tokens by {@code actualTokens} (more or fewer), in the window the permit counted
     * them in while that window still counts; once it has slid out, only tokens beyond the estimate are counted, in the
     * window of {@code now}. Counts never go below zero. Call it once per permit.
     */
    void settle(Permit permit, long actualTokens, Instant now);

    /** Whether calls wait on the network, so callers keep them off event-loop threads. */
    default boolean blocking() {
        return false;
    }
}
