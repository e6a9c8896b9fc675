package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Refreshes the catalog once right after start (in the background, so a slow feed never delays start-up) and then
 * every {@code interval} when it is positive. Failures are logged by {@link CatalogRefresh} and retried at the next
 * tick only.
 */
public final class CatalogRefreshSchedule implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CatalogRefreshSchedule.class);

    private final CatalogRefresh refresh;
    private final Duration interval;
    private @Nullable ScheduledExecutorService executor;

    public CatalogRefreshSchedule(CatalogRefresh refresh, Duration interval) {
        this.refresh = requireNonNull(refresh, "refresh");
        this.interval = requireNonNull(interval, "interval");
    }

    @Override
    public synchronized void start() {
        if (executor != null || !refresh.configured()) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("price-catalog-refresh").factory());
        scheduler.execute(this::refreshQuietly);
        if (interval.isPositive()) {
            scheduler.scheduleWithFixedDelay(this::refreshQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        executor = scheduler;
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    private void refreshQuietly() {
        try {
            refresh.refresh();
        } catch (PriceFeedException e) {
            // CatalogRefresh logged it; the previous prices stay until the next tick
        } catch (RuntimeException e) {
            log.warn("price catalog refresh failed unexpectedly, keeping the previous prices", e);
        }
    }
}
