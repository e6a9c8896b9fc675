package dev.switchboard.policyview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/** The feed against a real (in-JVM KRaft) broker: waits for the topic, replays it, then follows it. */
class KafkaChangeFeedTest {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void waitsForTheTopicReplaysItFromTheStartAndFollowsNewChanges() throws Exception {
        String topic = "policy-changes-" + System.nanoTime();
        List<PolicyChange> received = new CopyOnWriteArrayList<>();
        AtomicReference<String> problem = new AtomicReference<>();
        try (var feed = new KafkaChangeFeed(broker.getBrokersAsString(), topic);
             var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()),
                     new StringSerializer(), new ByteArraySerializer());
             var admin = Admin.create(Map.<String, Object>of("bootstrap.servers", broker.getBrokersAsString()))) {
            feed.start(received::addAll, new ChangeFeed.FeedHealth() {
                @Override
                public void contact() {
                }

                @Override
                public void problem(String message) {
                    problem.set(message);
                }
            });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(problem.get()).contains("does not exist"));

            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
            var first = PolicyChange.of(1, RemotePolicyTest.key("k1", "h1"));
            producer.send(new ProducerRecord<>(topic, first.entityKey(), PolicyJson.write(first))).get();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(received).containsExactly(first));

            var second = PolicyChange.removed(2, PolicyChange.Entity.KEY, "k1");
            long sent = System.nanoTime();
            producer.send(new ProducerRecord<>(topic, second.entityKey(), PolicyJson.write(second))).get();
            producer.send(new ProducerRecord<>(topic, "garbage", "not json".getBytes())).get();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(received).containsExactly(first, second));
            System.out.printf("policy change delivered in %d ms%n", (System.nanoTime() - sent) / 1_000_000);
        }
    }
}
