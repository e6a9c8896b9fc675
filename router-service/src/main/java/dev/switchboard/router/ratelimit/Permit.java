package dev.switchboard.router.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What {@link RateLimiter#acquire} counted for one request: 1 request and {@code estimatedTokens} tokens in the
 * one-minute window starting at {@code window}, for every limit of {@code limits} (those that set any, each once;
 * empty when the request has none and cost nothing). Hand it to {@link RateLimiter#settle} once the real token count
 * is known.
 */
public record Permit(List<LimitKey> limits, long estimatedTokens, Instant window) {

    public Permit {
        limits = List.copyOf(limits);
        requireNonNegative(estimatedTokens);
        requireNonNull(window, "window");
    }

    /** The permit for {@code limits} at {@code now}, leaving out limits that set nothing. */
    static Permit of(List<LimitKey> limits, long estimatedTokens, Instant now) {
        requireNonNull(limits, "limits");
        requireNonNull(now, "now");
        List<LimitKey> counted = limits.stream().filter(l -> !l.limit().isNone()).distinct().toList();
        return new Permit(counted, estimatedTokens, Instant.ofEpochMilli(SlidingWindow.start(now)));
    }

    /** The limits that count tokens, the only ones a settle changes. */
    List<LimitKey> tokenLimits() {
        return limits.stream().filter(l -> l.limit().tokensPerMinute() != null).toList();
    }

    /**
     * How a settle with {@code actualTokens} at {@code now} corrects the counts: the difference to the estimate, in the
     * permit's window while it still counts; once it has slid out, only tokens beyond the estimate, in {@code now}'s.
     */
    Correction correction(long actualTokens, Instant now) {
        requireNonNegative(actualTokens);
        long current = SlidingWindow.start(now);
        long delta = actualTokens - estimatedTokens;
        if (window.toEpochMilli() < current - SlidingWindow.WINDOW_MILLIS) {
            return new Correction(current, Math.max(0, delta));
        }
        return new Correction(window.toEpochMilli(), delta);
    }

    /** Add {@code tokens} (negative: give them back) to the window starting at {@code window} (epoch milliseconds). */
    record Correction(long window, long tokens) {
    }

    static void requireNonNegative(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("token count of " + tokens + " (expected >= 0)");
        }
    }
}
