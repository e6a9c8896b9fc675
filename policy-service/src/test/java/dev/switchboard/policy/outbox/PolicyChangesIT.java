package dev.switchboard.policy.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.PolicyJson;
import dev.switchboard.contracts.policy.PolicySnapshot;
import dev.switchboard.contracts.policy.PolicyView;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policy.PolicyServiceTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

class PolicyChangesIT extends PolicyServiceTestBase {

    @Value("${spring.embedded.kafka.brokers}")
    private String brokers;

    @Test
    void aChangeMadeThroughTheApiArrivesOnTheTopicKeyedByEntity() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"round-trip\",\"models\":[\"echo\"]}"))
                .andExpect(status().isCreated());
        long seq = jdbc.sql("SELECT seq FROM changes WHERE entity_id = 'round-trip'").query(Long.class).single();

        ConsumerRecord<String, byte[]> record = await("team:round-trip");

        PolicyChange change = PolicyJson.readChange(record.value());
        assertThat(change.seq()).isEqualTo(seq);
        assertThat(change.entity()).isEqualTo(Entity.TEAM);
        assertThat(((TeamPolicy) change.body()).models()).isEqualTo(Set.of("echo"));
        assertThat(jdbc.sql("SELECT published_at IS NOT NULL FROM changes WHERE seq = ?").param(seq)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRemovalIsPublishedWithoutABody() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"short-lived\"}")).andExpect(status().isCreated());
        mvc.perform(delete(platformAdmin(), "/admin/v1/teams/short-lived")).andExpect(status().isNoContent());

        List<ConsumerRecord<String, byte[]>> records = awaitAll("team:short-lived", 2);

        assertThat(PolicyJson.readChange(records.get(1).value()).body()).isNull();
        assertThat(PolicyJson.readChange(records.get(0).value()).seq())
                .isLessThan(PolicyJson.readChange(records.get(1).value()).seq());
    }

    @Test
    void aReplicaThatLoadsTheSnapshotAndFollowsTheTopicConverges() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"replica-a\"}")).andExpect(status().isCreated());
        PolicyView replica = PolicyView.of(snapshot());
        mvc.perform(post(platformAdmin(), "/admin/v1/teams/replica-a/keys",
                        "{\"name\":\"k1\",\"expiresAt\":\"2099-01-01T00:00:00.123456789Z\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put(platformAdmin(), "/admin/v1/teams/replica-a", "{\"models\":[\"echo\"]}"))
                .andExpect(status().isOk());
        mvc.perform(put(platformAdmin(), "/admin/v1/credentials/replica-cred", "{\"value\":\"v\"}"))
                .andExpect(status().isOk());
        mvc.perform(put(platformAdmin(), "/admin/v1/provider-policies/groq", "{\"zeroRetention\":true}"))
                .andExpect(status().isOk());
        PolicySnapshot latest = snapshot();

        awaitAll("provider-policy:groq", 1);
        List<PolicyChange> topic = new ArrayList<>();
        // Earlier tests emptied the tables but not the topic: follow only what came after the replica's snapshot.
        readTopic(record -> topic.add(PolicyJson.readChange(record.value())));
        topic.removeIf(change -> change.seq() <= replica.seq());
        PolicySnapshot followed = replica.apply(topic).snapshot();

        assertThat(followed.seq()).isEqualTo(latest.seq());
        assertThat(followed.teams()).containsExactlyInAnyOrderElementsOf(latest.teams());
        assertThat(followed.keys()).containsExactlyInAnyOrderElementsOf(latest.keys());
        assertThat(followed.credentials()).containsExactlyInAnyOrderElementsOf(latest.credentials());
        assertThat(followed.providerPolicies()).containsExactlyInAnyOrderElementsOf(latest.providerPolicies());
    }

    @Test
    void concurrentWritesArePublishedInSeqOrder() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"busy\"}")).andExpect(status().isCreated());
        long before = jdbc.sql("SELECT max(seq) FROM changes").query(Long.class).single();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 30; i++) {
                String name = "k" + i;
                threads.submit(() -> mvc.perform(post(platformAdmin(), "/admin/v1/teams/busy/keys",
                        "{\"name\":\"" + name + "\"}")).andExpect(status().isCreated()));
            }
        }
        long last = jdbc.sql("SELECT max(seq) FROM changes").query(Long.class).single();
        awaitAll("key:" + jdbc.sql("SELECT entity_id FROM changes WHERE seq = ?").param(last).query(String.class)
                .single(), 1);

        List<Long> published = new ArrayList<>();
        readTopic(record -> published.add(PolicyJson.readChange(record.value()).seq()));
        published.removeIf(seq -> seq <= before);

        assertThat(published).hasSize(30).isSorted().doesNotHaveDuplicates();
        assertThat(published.getLast()).isEqualTo(last);
    }

    @Test
    void theTopicIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, "policy-changes");
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    private ConsumerRecord<String, byte[]> await(String key) {
        return awaitAll(key, 1).getFirst();
    }

    private PolicySnapshot snapshot() throws Exception {
        return PolicyJson.readSnapshot(mvc.perform(get(router(), "/internal/v1/policy/snapshot"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
    }

    private List<ConsumerRecord<String, byte[]>> awaitAll(String key, int count) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            found.clear();
            readTopic(record -> {
                if (key.equals(record.key())) {
                    found.add(record);
                }
            });
        }
        assertThat(found).as("records keyed %s on policy-changes", key).hasSize(count);
        return found;
    }

    /** Every record on the topic now, from the beginning. */
    private void readTopic(java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        try (Consumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer())) {
            var partition = new TopicPartition("policy-changes", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }
}
