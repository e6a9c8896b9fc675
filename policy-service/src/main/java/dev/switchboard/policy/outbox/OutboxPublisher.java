package dev.switchboard.policy.outbox;

import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.PolicyJson;
import dev.switchboard.policy.store.Jsonb;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;

/**
 * Sends committed, unpublished changes to {@code policy-changes} in {@code seq} order, keyed by
 * {@link PolicyChange#entityKey()}, then marks them published. Runs on one thread, every {@code interval} and right
 * after each commit. A send that fails leaves the batch unpublished, to be sent again (at least once; replicas
 * ignore changes no newer than what they hold).
 */
public final class OutboxPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private static final int BATCH = 200;

    private final JdbcClient jdbc;
    private final KafkaOperations<String, byte[]> kafka;
    private final String topic;
    private final Duration interval;
    private volatile ScheduledExecutorService executor;
    private volatile boolean failing;

    public OutboxPublisher(JdbcClient jdbc, KafkaOperations<String, byte[]> kafka, String topic, Duration interval,
                           Outbox outbox) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.topic = topic;
        this.interval = interval;
        outbox.onCommitted(this::nudge);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("policy-outbox")
                .factory());
        executor.scheduleWithFixedDelay(this::publishSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }

    /** Publishes soon, on the publisher's thread. */
    void nudge() {
        ScheduledExecutorService running = executor;
        if (running != null && !running.isShutdown()) {
            running.execute(this::publishSafely);
        }
    }

    private void publishSafely() {
        try {
            while (publishBatch() == BATCH) {
                // a full batch: more may be waiting
            }
            if (failing) {
                log.info("policy changes are being published again");
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                log.warn("publishing policy changes failed, will retry: {}", e.toString());
                failing = true;
            }
        }
    }

    /** Publishes up to one batch; returns how many changes it published. */
    int publishBatch() {
        List<PolicyChange> pending = jdbc.sql("SELECT seq, entity, entity_id, body::text AS body FROM changes "
                        + "WHERE published_at IS NULL ORDER BY seq LIMIT ?")
                .param(BATCH)
                .query((row, n) -> change(row.getLong("seq"), row.getString("entity"), row.getString("entity_id"),
                        row.getString("body")))
                .list();
        if (pending.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (PolicyChange change : pending) {
            sends.add(kafka.send(topic, change.entityKey(), PolicyJson.write(change)));
        }
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        long last = pending.getLast().seq();
        jdbc.sql("UPDATE changes SET published_at = now() WHERE published_at IS NULL AND seq <= ?").param(last).update();
        return pending.size();
    }

    private static PolicyChange change(long seq, String entityLabel, String id, @Nullable String body) {
        Entity entity = Entity.parse(entityLabel);
        return new PolicyChange(seq, entity, id, body == null ? null : Jsonb.read(body, entity.type()));
    }
}
