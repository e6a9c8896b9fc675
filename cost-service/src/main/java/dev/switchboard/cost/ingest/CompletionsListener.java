package dev.switchboard.cost.ingest;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEventJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Consumes {@code completions}. A message that is not a readable completion event (bad JSON, a newer version, a
 * missing field, a tombstone) is logged with its partition and offset and skipped, so it can never block the
 * partition; everything else goes to {@link CompletionLedger}, which is idempotent, so redelivery is harmless.
 */
public final class CompletionsListener {

    private static final Logger log = LoggerFactory.getLogger(CompletionsListener.class);

    private final CompletionLedger ledger;
    private final Consumer<List<CompletionEvent>> recorded;
    private final Counter malformed;

    /** @param recorded told of every batch once it is recorded (spend updates for the routers) */
    public CompletionsListener(CompletionLedger ledger, Consumer<List<CompletionEvent>> recorded, MeterRegistry meters) {
        this.ledger = requireNonNull(ledger, "ledger");
        this.recorded = requireNonNull(recorded, "recorded");
        this.malformed = meters.counter("switchboard.cost.events", "outcome", "malformed");
    }

    // The id names the container; the consumer group stays spring.kafka.consumer.group-id (cost-service).
    // Batches: one database transaction per poll instead of one per event.
    @KafkaListener(id = "cost-completions", idIsGroup = false, topics = "${cost.topic}", batch = "true")
    public void onCompletions(List<ConsumerRecord<String, byte[]>> messages) {
        List<CompletionEvent> events = new ArrayList<>(messages.size());
        for (ConsumerRecord<String, byte[]> message : messages) {
            CompletionEvent event = read(message);
            if (event != null) {
                events.add(event);
            }
        }
        if (!events.isEmpty()) {
            ledger.recordAll(events);
            recorded.accept(events);
        }
    }

    private @Nullable CompletionEvent read(ConsumerRecord<String, byte[]> message) {
        try {
            return CompletionEventJson.read(requireNonNull(message.value(), "message value (tombstone)"));
        } catch (RuntimeException e) {
            malformed.increment();
            log.warn("skipping unreadable completion event at {}-{} offset {} (key {}): {}", message.topic(),
                    message.partition(), message.offset(), message.key(), e.getMessage());
            return null;
        }
    }
}
