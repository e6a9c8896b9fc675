package dev.switchboard.router.events;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEventJson;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes each event to the topic keyed by its request id, with {@code acks=all} and an idempotent producer, from
 * one background thread, so {@link #publish} only queues. An event the broker did not acknowledge goes to the
 * {@link SpoolFile}; while the spool holds anything, new events are appended behind it, and the same thread replays
 * it oldest first and removes lines only once the broker acknowledged them. Short producer timeouts (defaults below,
 * overridable) notice an unreachable broker within seconds.
 *
 * <p>Guarantee: an event is acknowledged by the broker or on disk in the spool, except for the few seconds it spends
 * queued here or in the producer's buffer (a {@link #close} spools those; a hard crash loses them). Delivery is at
 * least once: a crash between an acknowledgement and the spool's offset update sends those events again, and the
 * cost service dedupes by request id. Events in flight when the broker went away can be spooled behind newer ones.
 */
public final class KafkaCompletionPublisher implements CompletionPublisher, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KafkaCompletionPublisher.class);
    private static final int BATCH = 500;
    private static final Item STOP = new Item(null);

    private final Producer<String, byte[]> producer;
    private final String topic;
    private final SpoolFile spool;
    private final Duration replayInterval;
    private final Duration ackWait;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicBoolean outage = new AtomicBoolean();
    private final Thread worker;
    private volatile long nextReplay;
    private volatile boolean closed;

    private record Item(@Nullable CompletionEvent event) {
    }

    /**
     * @param producerConfig the Kafka client settings ({@code bootstrap.servers}, security, ...); see {@link #config}
     * @param replayInterval the pause between replay attempts while the broker does not acknowledge
     */
    public KafkaCompletionPublisher(Map<String, Object> producerConfig, String topic, SpoolFile spool,
                                    Duration replayInterval) {
        Map<String, Object> config = config(producerConfig);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.topic = requireNonNull(topic, "topic");
        this.spool = requireNonNull(spool, "spool");
        this.replayInterval = requireNonNull(replayInterval, "replayInterval");
        long deliveryTimeout = Long.parseLong(config.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG).toString());
        this.ackWait = Duration.ofMillis(deliveryTimeout).plusSeconds(5);
        this.nextReplay = System.nanoTime();
        if (!spool.isEmpty()) {
            log.info("{} completion events wait in {} from an earlier run; replaying them first", spool.size(),
                    spool.path());
        }
        this.worker = Thread.ofPlatform().name("completion-publisher").daemon().start(this::run);
    }

    /**
     * The producer settings: {@code linger.ms} 20 and short timeouts unless given ({@code max.block.ms} 3 s,
     * {@code request.timeout.ms} 5 s, {@code delivery.timeout.ms} 10 s), then {@code base}, then always
     * {@code acks=all} and idempotence.
     */
    static Map<String, Object> config(Map<String, Object> base) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "switchboard-router-completions");
        // events are not on anyone's critical path: batch them (fewer broker requests under load)
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        config.putAll(base);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        return config;
    }

    @Override
    public void publish(CompletionEvent event) {
        queue.add(new Item(requireNonNull(event, "event")));
        if (closed) {
            spoolQueued();
        }
    }

    /** Events still to deliver: spooled lines plus those queued here. */
    public int backlog() {
        return spool.size() + queue.size();
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        while (!closed) {
            try {
                Item first = queue.poll(spool.isEmpty() ? Long.MAX_VALUE : nextReplay - System.nanoTime(),
                        TimeUnit.NANOSECONDS);
                if (first == STOP) {
                    return;
                }
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, BATCH - 1);
                    boolean stop = batch.remove(STOP);
                    deliver(events(batch));
                    batch.clear();
                    if (stop) {
                        return;
                    }
                }
                if (!spool.isEmpty() && System.nanoTime() - nextReplay >= 0) {
                    replay();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("completion publisher: unexpected failure; carrying on", e);
                batch.clear();
            }
        }
    }

    /** Sends directly while the spool is empty; behind spooled events, appends to keep their order. */
    private void deliver(List<CompletionEvent> events) {
        for (int i = 0; i < events.size(); i++) {
            if (!spool.isEmpty()) {
                spoolEvents(events.subList(i, events.size()));
                return;
            }
            CompletionEvent event = events.get(i);
            byte[] json = CompletionEventJson.write(event);
            try {
                producer.send(new ProducerRecord<>(topic, event.requestId(), json), (metadata, error) -> {
                    if (error != null) {
                        undelivered(json, error);
                    }
                });
            } catch (RuntimeException e) {
                undelivered(json, e);
            }
        }
    }

    /** The broker did not take it (possibly on the producer's thread): to the spool, replayed after a pause. */
    private void undelivered(byte[] json, Throwable error) {
        nextReplay = System.nanoTime() + replayInterval.toNanos();
        if (outage.compareAndSet(false, true)) {
            log.warn("Kafka did not acknowledge a completion event ({}); spooling events to {} until it does",
                    error.toString(), spool.path());
        }
        spoolLines(List.of(json));
    }

    /**
     * Sends the oldest spooled line alone first (an unreachable broker then costs one {@code max.block.ms}, not one
     * per line), then the rest of a batch; removes the acknowledged prefix.
     */
    private void replay() {
        List<SpoolFile.Line> lines = spool.head(BATCH);
        if (lines.isEmpty()) {
            return;
        }
        int acked = acknowledged(send(lines.getFirst())) ? 1 : 0;
        if (acked == 1) {
            List<Future<?>> sent = new ArrayList<>(lines.size());
            for (SpoolFile.Line line : lines.subList(1, lines.size())) {
                sent.add(send(line));
            }
            while (acked < lines.size() && acknowledged(sent.get(acked - 1))) {
                acked++;
            }
        }
        if (acked > 0) {
            spool.remove(lines.get(acked - 1), acked);
        }
        if (acked < lines.size()) {
            nextReplay = System.nanoTime() + replayInterval.toNanos();
        } else if (spool.isEmpty() && outage.compareAndSet(true, false)) {
            log.info("Kafka acknowledges completion events again; the spool {} is empty", spool.path());
        }
    }

    private Future<?> send(SpoolFile.Line line) {
        String key;
        try {
            key = CompletionEventJson.read(line.json()).requestId();
        } catch (RuntimeException unreadable) {
            log.error("dropping an unreadable line of the completion event spool: {}",
                    new String(line.json(), StandardCharsets.UTF_8), unreadable);
            return CompletableFuture.completedFuture(null);
        }
        try {
            return producer.send(new ProducerRecord<>(topic, key, line.json()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private boolean acknowledged(Future<?> sent) {
        try {
            sent.get(ackWait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void spoolEvents(List<CompletionEvent> events) {
        spoolLines(events.stream().map(CompletionEventJson::write).toList());
    }

    /** Last resort when even the disk fails: the events go to the error log, so an operator can replay them. */
    private void spoolLines(List<byte[]> lines) {
        try {
            spool.append(lines);
        } catch (RuntimeException e) {
            for (byte[] line : lines) {
                log.error("could not spool completion event (lost unless replayed from this log): {}",
                        new String(line, StandardCharsets.UTF_8), e);
            }
        }
    }

    private synchronized void spoolQueued() {
        List<Item> left = new ArrayList<>();
        queue.drainTo(left);
        spoolEvents(events(left));
    }

    private static List<CompletionEvent> events(List<Item> items) {
        List<CompletionEvent> events = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item.event() != null) {
                events.add(item.event());
            }
        }
        return events;
    }

    /**
     * Stops the sender (finishing its current step), gives the producer five seconds to deliver what it holds, and
     * spools everything not acknowledged by then.
     */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            worker.join(ackWait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closed = true;
        producer.close(Duration.ofSeconds(5));
        spoolQueued();
        spool.close();
    }
}
