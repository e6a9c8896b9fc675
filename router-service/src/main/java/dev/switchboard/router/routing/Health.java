package dev.switchboard.router.routing;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A circuit breaker per deployment. {@code threshold} consecutive upstream failures (rate limits, unavailability,
 * timeouts, refused credentials) open it for {@code cooldown}; a rate limit with {@code retry-after} opens it until
 * then at once. When the time is up one probe may go through: success closes the circuit, failure opens it again.
 * Rate-limit headroom from response headers is kept too, so a deployment near its limit is tried later.
 */
public final class Health {

    private static final Set<ErrorCategory> COUNTED = EnumSet.of(ErrorCategory.RATE_LIMITED,
            ErrorCategory.UPSTREAM_UNAVAILABLE, ErrorCategory.UPSTREAM_TIMEOUT, ErrorCategory.UPSTREAM_AUTH_FAILED);

    private final Clock clock;
    private final int threshold;
    private final Duration cooldown;
    private final ConcurrentHashMap<String, Circuit> circuits = new ConcurrentHashMap<>();

    public Health(Clock clock, int threshold, Duration cooldown) {
        this.clock = clock;
        this.threshold = threshold;
        this.cooldown = cooldown;
    }

    /** Whether a request should be sent now; claims the probe of a circuit whose cool-down is over. */
    public boolean tryAcquire(String deployment) {
        Circuit circuit = circuits.get(deployment);
        return circuit == null || circuit.tryAcquire(clock.millis());
    }

    /** Whether the deployment is worth trying (closed, or open with its cool-down over); changes nothing. */
    public boolean available(String deployment) {
        Circuit circuit = circuits.get(deployment);
        return circuit == null || circuit.available(clock.millis());
    }

    /** Whether the deployment's circuit will let a request through at {@code millis} (a retry after a wait). */
    public boolean availableAt(String deployment, long millis) {
        Circuit circuit = circuits.get(deployment);
        return circuit == null || circuit.available(millis);
    }

    public void succeeded(String deployment) {
        Circuit circuit = circuits.get(deployment);
        if (circuit != null) {
            circuit.succeeded();
        }
    }

    /** An attempt ended without an answer either way (cancelled): a probe it held may be taken again. */
    public void abandoned(String deployment) {
        Circuit circuit = circuits.get(deployment);
        if (circuit != null) {
            circuit.abandoned();
        }
    }

    public void failed(String deployment, GatewayException failure) {
        if (!COUNTED.contains(failure.category())) {
            return;
        }
        Duration retryAfter = failure.retryAfter();
        long now = clock.millis();
        Circuit circuit = circuits.computeIfAbsent(deployment, d -> new Circuit());
        if (failure.category() == ErrorCategory.RATE_LIMITED && retryAfter != null && !retryAfter.isZero()) {
            circuit.open(now + retryAfter.toMillis());
        } else {
            circuit.failed(now, threshold, cooldown.toMillis());
        }
    }

    public void observed(String deployment, double headroom) {
        circuits.computeIfAbsent(deployment, d -> new Circuit()).headroom = headroom;
    }

    /** The last rate-limit headroom seen, 1.0 when unknown. */
    public double headroom(String deployment) {
        Circuit circuit = circuits.get(deployment);
        return circuit == null ? 1.0 : circuit.headroom;
    }

    /** State of one deployment; {@code openUntil} 0 means closed. */
    private static final class Circuit {
        private int failures;
        private long openUntil;
        private boolean probing;
        private volatile double headroom = 1.0;

        synchronized boolean tryAcquire(long now) {
            if (openUntil == 0) {
                return true;
            }
            if (now < openUntil || probing) {
                return false;
            }
            probing = true;
            return true;
        }

        synchronized boolean available(long now) {
            return openUntil == 0 || now >= openUntil && !probing;
        }

        synchronized void succeeded() {
            failures = 0;
            openUntil = 0;
            probing = false;
        }

        synchronized void abandoned() {
            probing = false;
        }

        synchronized void failed(long now, int threshold, long cooldownMillis) {
            failures++;
            if (probing || failures >= threshold) {
                open(now + cooldownMillis);
            }
        }

        synchronized void open(long until) {
            openUntil = Math.max(openUntil, until);
            probing = false;
        }
    }
}
