package dev.switchboard.router.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEventJson;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

// not spring.kafka.bootstrap-servers (the default): that system property would turn on Kafka events in every later
// Spring test of this JVM
@EmbeddedKafka(partitions = 1, topics = {KafkaCompletionPublisherTest.TOPIC, KafkaCompletionPublisherTest.SPOOLED},
        bootstrapServersProperty = "switchboard.test.kafka.brokers")
class KafkaCompletionPublisherTest {

    static final String TOPIC = "completions-test";
    static final String SPOOLED = "completions-spooled";

    @TempDir
    Path spoolDir;

    @Test
    void publishesTheEventKeyedByRequestId(EmbeddedKafkaBroker broker) {
        CompletionEvent event = SampleEvents.event("req-roundtrip");
        try (var publisher = publisher(broker.getBrokersAsString(), TOPIC, SpoolFile.open(spoolDir))) {
            publisher.publish(event);

            List<ConsumerRecord<String, byte[]>> records = read(broker.getBrokersAsString(), TOPIC, 1);
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("req-roundtrip");
                assertThat(CompletionEventJson.read(r.value())).isEqualTo(event);
            });
            assertThat(publisher.backlog()).isZero();
        }
    }

    @Test
    void spoolsWhileTheBrokerIsUnreachableThenDeliversTheSpoolInOrder(EmbeddedKafkaBroker broker) throws Exception {
        int port = freePort();
        String servers = "127.0.0.1:" + port;
        SpoolFile spool = SpoolFile.open(spoolDir);
        try (var publisher = publisher(servers, SPOOLED, spool)) {
            for (int i = 1; i <= 3; i++) {
                publisher.publish(SampleEvents.event("req-" + i));
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> spool.size() == 3);
            assertThat(spool.head(10)).extracting(line -> CompletionEventJson.read(line.json()).requestId())
                    .containsExactly("req-1", "req-2", "req-3");

            // the KRaft test broker picks its own port (kafkaPorts() is ignored): open the configured one onto it
            int brokerPort = Integer.parseInt(broker.getBrokersAsString().replaceAll(".*:", ""));
            try (var reachable = new TcpForwarder(port, brokerPort)) {
                publisher.publish(SampleEvents.event("req-4"));
                List<ConsumerRecord<String, byte[]>> records = read(broker.getBrokersAsString(), SPOOLED, 4);
                assertThat(records).extracting(ConsumerRecord::key).containsExactly("req-1", "req-2", "req-3", "req-4");
                assertThat(records).extracting(r -> CompletionEventJson.read(r.value()))
                        .containsExactly(SampleEvents.event("req-1"), SampleEvents.event("req-2"),
                                SampleEvents.event("req-3"), SampleEvents.event("req-4"));
                await().atMost(Duration.ofSeconds(5)).until(() -> publisher.backlog() == 0);
                assertThat(spoolDir.resolve(SpoolFile.FILE_NAME)).isEmptyFile();
            }
        }
    }

    private static KafkaCompletionPublisher publisher(String servers, String topic, SpoolFile spool) {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 500, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000, ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        return new KafkaCompletionPublisher(config, topic, spool, Duration.ofMillis(200));
    }

    private static List<ConsumerRecord<String, byte[]>> read(String servers, String topic, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(topic, 0)));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static int freePort() throws Exception {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
