package dev.switchboard.cost.spend;

import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.SpendUpdate;
import dev.switchboard.contracts.events.SpendUpdateJson;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After each recorded batch, publishes what every key and team in it has spent in the current UTC day, ISO week,
 * month and all time (from {@code spend_daily}) on {@code spend-updates}, keyed by owner, so routers can raise their
 * budget counters to what was really recorded. The sums and sends run on one thread of their own, in batch order, so
 * consumption never waits on them; a failed send is logged, and the next batch of that owner sends again.
 */
public final class SpendUpdates implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpendUpdates.class);
    private static final String SUMS = """
            SELECT coalesce(sum(cost_usd) FILTER (WHERE day = :today), 0),
                   coalesce(sum(cost_usd) FILTER (WHERE day >= :monday), 0),
                   coalesce(sum(cost_usd) FILTER (WHERE day >= :first), 0),
                   coalesce(sum(cost_usd), 0)
              FROM spend_daily WHERE """;

    private final JdbcClient jdbc;
    private final Producer<String, byte[]> producer;
    private final String topic;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("spend-updates").factory());

    public SpendUpdates(JdbcClient jdbc, Producer<String, byte[]> producer, String topic, Clock clock) {
        this.jdbc = jdbc;
        this.producer = producer;
        this.topic = topic;
        this.clock = clock;
    }

    public void publishFor(List<CompletionEvent> events) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> teams = new LinkedHashSet<>();
        for (CompletionEvent event : events) {
            keys.add(event.caller().keyName());
            if (event.caller().team() != null && !event.caller().team().isEmpty()) {
                teams.add(event.caller().team());
            }
        }
        worker.execute(() -> {
            try {
                Instant now = clock.instant();
                keys.forEach(key -> send(update("key", key, "key_name", now)));
                teams.forEach(team -> send(update("team", team, "team", now)));
            } catch (RuntimeException e) {
                log.warn("could not publish spend updates: {}", e.toString());
            }
        });
    }

    /** The owner's spend in the windows holding {@code now}; the column comes from this class, never a request. */
    SpendUpdate update(String scope, String owner, String column, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return jdbc.sql(SUMS + " " + column + " = :owner")
                .param("today", today)
                .param("monday", today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)))
                .param("first", today.withDayOfMonth(1))
                .param("owner", owner)
                .query((rs, row) -> new SpendUpdate(scope, owner, now, usd(rs.getBigDecimal(1)),
                        usd(rs.getBigDecimal(2)), usd(rs.getBigDecimal(3)), usd(rs.getBigDecimal(4))))
                .single();
    }

    private static BigDecimal usd(BigDecimal value) {
        return value.stripTrailingZeros();
    }

    private void send(SpendUpdate update) {
        producer.send(new ProducerRecord<>(topic, update.recordKey(), SpendUpdateJson.write(update)), (meta, e) -> {
            if (e != null) {
                log.warn("could not publish the spend of {} {}: {}", update.scope(), update.owner(), e.toString());
            }
        });
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }
}
