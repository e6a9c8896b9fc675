package dev.switchboard.router.routing;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recent latency per deployment, time to first token for streams and total time otherwise, as an exponentially
 * weighted average. A sample older than {@code staleAfter} no longer counts, so a deployment that was slow a while
 * ago is tried again.
 */
public final class LatencyBook {

    private static final double WEIGHT = 0.3;

    private final Clock clock;
    private final Duration staleAfter;
    private final ConcurrentHashMap<String, Sample> streamed = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Sample> whole = new ConcurrentHashMap<>();

    public LatencyBook(Clock clock, Duration staleAfter) {
        this.clock = clock;
        this.staleAfter = staleAfter;
    }

    public void record(String deployment, boolean stream, Duration latency) {
        long now = clock.millis();
        double millis = latency.toNanos() / 1_000_000.0;
        (stream ? streamed : whole).merge(deployment, new Sample(millis, now),
                (old, fresh) -> old.at < now - staleAfter.toMillis() ? fresh
                        : new Sample(old.millis + WEIGHT * (millis - old.millis), now));
    }

    /** The recent average, or empty when there is no fresh sample. */
    public Optional<Double> millis(String deployment, boolean stream) {
        Sample sample = (stream ? streamed : whole).get(deployment);
        if (sample == null || sample.at < clock.millis() - staleAfter.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(sample.millis);
    }

    private record Sample(double millis, long at) {}
}
