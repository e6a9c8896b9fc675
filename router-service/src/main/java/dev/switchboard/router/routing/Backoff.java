package dev.switchboard.router.routing;

import dev.switchboard.contracts.config.RoutePolicy;
import java.time.Duration;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/** How long to wait before retrying the same deployment: its {@code retry-after}, else exponential backoff. */
final class Backoff {

    private Backoff() {
    }

    /** {@code retry-after} when the upstream gave one; else min(backoff × 2^retry, maxBackoff) × (0.75..1.0). */
    static Duration wait(RoutePolicy.Retry policy, int retry, @Nullable Duration retryAfter, RandomGenerator random) {
        if (retryAfter != null) {
            return retryAfter;
        }
        long base = policy.backoff().toMillis() << Math.min(retry, 20);
        long capped = Math.min(base, policy.maxBackoff().toMillis());
        return Duration.ofMillis((long) (capped * (0.75 + 0.25 * random.nextDouble())));
    }
}
