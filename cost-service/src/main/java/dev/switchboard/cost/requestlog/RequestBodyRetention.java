package dev.switchboard.cost.requestlog;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes request bodies past their {@code expires_at}, in batches, every {@code interval} (and at start); the
 * request log's metadata row stays. {@link #purge(Instant)} runs it at once (tests, operators).
 */
public final class RequestBodyRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RequestBodyRetention.class);
    private static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration interval;
    private @Nullable ScheduledExecutorService executor;

    public RequestBodyRetention(JdbcClient jdbc, Clock clock, Duration interval) {
        this.jdbc = requireNonNull(jdbc, "jdbc");
        this.clock = requireNonNull(clock, "clock");
        this.interval = requireNonNull(interval, "interval");
        if (!interval.isPositive()) {
            throw new IllegalArgumentException("the retention interval must be positive (got " + interval + ")");
        }
    }

    /** Deletes every body that expired at or before {@code now}; returns how many. */
    public int purge(Instant now) {
        var cutoff = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int total = 0;
        int deleted;
        do {
            // small batches keep each delete's locks and WAL short when a long retention ends for many rows at once
            deleted = jdbc.sql("""
                            DELETE FROM request_bodies WHERE request_id IN (
                                SELECT request_id FROM request_bodies WHERE expires_at <= :cutoff LIMIT :batch)""")
                    .param("cutoff", cutoff).param("batch", BATCH).update();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("request-body-retention").factory());
        executor.scheduleWithFixedDelay(this::purgeQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
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

    private void purgeQuietly() {
        try {
            int deleted = purge(clock.instant());
            if (deleted > 0) {
                log.info("deleted {} expired request bodies", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("could not delete expired request bodies; retrying at the next run", e);
        }
    }
}
