package dev.switchboard.policyview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a compacted topic from its beginning on every start, with no consumer group (every replica reads
 * everything): such a topic holds the latest state of every entry, and readers ignore what they already have. It
 * never creates the topic (its owner does, compacted) and waits until it exists. Unreadable records are skipped.
 *
 * @param <T> what each record's value decodes to
 */
public final class TopicFollower<T> implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration CHECK = Duration.ofSeconds(2);

    private final Map<String, Object> properties;
    private final String topic;
    private final Function<byte[], T> decoder;
    private volatile @Nullable KafkaConsumer<String, byte[]> consumer;
    private volatile boolean closed;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private @Nullable Thread thread;

    public TopicFollower(String bootstrapServers, String topic, String clientId, Function<byte[], T> decoder) {
        this.topic = topic;
        this.decoder = decoder;
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000);
        this.properties = Map.copyOf(props);
    }

    /** Starts delivering decoded records, oldest kept first, reporting contact and problems to {@code health}. */
    public synchronized void start(Consumer<List<T>> sink, ChangeFeed.FeedHealth health) {
        if (thread != null) {
            return;
        }
        thread = Thread.ofPlatform().daemon().name(topic).start(() -> run(sink, health));
    }

    private void run(Consumer<List<T>> sink, ChangeFeed.FeedHealth health) {
        try (var kafka = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = kafka;
            List<TopicPartition> partitions = awaitTopic(kafka, health);
            if (partitions.isEmpty()) {
                return;
            }
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = kafka.endOffsets(partitions, CHECK);
            long nextCheck = 0;
            while (!closed) {
                List<T> batch = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : kafka.poll(POLL)) {
                    decode(record, batch);
                }
                if (!batch.isEmpty()) {
                    sink.accept(batch);
                    health.contact();
                }
                if (caughtUp.getCount() > 0 && partitions.stream().allMatch(p -> kafka.position(p) >= ends.get(p))) {
                    caughtUp.countDown();
                }
                if (System.nanoTime() - nextCheck > 0) {
                    check(kafka, partitions, health);
                    nextCheck = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                health.problem(topic + " consumer woken unexpectedly");
            }
        } catch (RuntimeException e) {
            log.error("following {} stopped: {}", topic, e.toString());
            health.problem("following " + topic + " stopped: " + e.getMessage());
        }
    }

    private List<TopicPartition> awaitTopic(KafkaConsumer<String, byte[]> kafka, ChangeFeed.FeedHealth health) {
        while (!closed) {
            try {
                List<PartitionInfo> infos = kafka.partitionsFor(topic, CHECK);
                if (infos != null && !infos.isEmpty()) {
                    return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                }
                health.problem("topic " + topic + " does not exist yet");
            } catch (KafkaException e) {
                health.problem("Kafka is not reachable: " + e.getMessage());
            }
            sleep();
        }
        return List.of();
    }

    private static void check(KafkaConsumer<String, byte[]> kafka, List<TopicPartition> partitions,
                              ChangeFeed.FeedHealth health) {
        try {
            kafka.endOffsets(partitions, CHECK);
            health.contact();
        } catch (KafkaException e) {
            health.problem("Kafka is not reachable: " + e.getMessage());
        }
    }

    private void decode(ConsumerRecord<String, byte[]> record, List<T> batch) {
        if (record.value() == null) {
            return;
        }
        try {
            batch.add(decoder.apply(record.value()));
        } catch (RuntimeException e) {
            log.warn("skipping an unreadable record at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    private void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /**
     * Waits until everything the topic held when following began has been delivered; false when that took longer
     * than {@code timeout} (the topic or the broker is not there yet), and delivery goes on in the background.
     */
    public boolean awaitCaughtUp(Duration timeout) {
        try {
            return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        closed = true;
        var kafka = consumer;
        if (kafka != null) {
            kafka.wakeup();
        }
        Thread running = thread;
        if (running != null) {
            try {
                running.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
