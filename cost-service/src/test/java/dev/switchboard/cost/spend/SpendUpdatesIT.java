package dev.switchboard.cost.spend;

import static dev.switchboard.cost.TestEvents.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEventJson;
import dev.switchboard.contracts.events.SpendUpdate;
import dev.switchboard.contracts.events.SpendUpdateJson;
import dev.switchboard.cost.CostServiceTestBase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;

/** Recorded spend goes back to the routers on {@code spend-updates}, per key and per team, exactly. */
class SpendUpdatesIT extends CostServiceTestBase {

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    Environment environment;

    @Test
    void publishesEachOwnersSpendInTheCurrentWindowsAfterEveryBatch() {
        jdbc.sql("INSERT INTO price_overrides VALUES ('acme', 'spend-m', 1, 2, NULL, NULL, now())").update();
        String now = Instant.now().toString();
        for (String id : List.of("su-1", "su-2")) {
            var event = completion(id).at(now).key("spender").team("t-spend").servedBy("acme", "spend-m",
                    TokenUsage.of(1000, 500)).build();
            kafka.send("completions", id, CompletionEventJson.write(event));
        }
        kafka.flush();

        Map<String, SpendUpdate> latest = new HashMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers",
                environment.getRequiredProperty("spring.embedded.kafka.brokers")), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            var partition = new TopicPartition(SpendUpdate.TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> latest.put(r.key(), SpendUpdateJson.read(r.value())));
                var key = latest.get("key:spender");
                return key != null && key.total().compareTo(new BigDecimal("0.004")) == 0;
            });
        }
        for (String owner : List.of("key:spender", "team:t-spend")) {
            SpendUpdate update = latest.get(owner);
            assertThat(update).as(owner).isNotNull();
            assertThat(update.daily()).isEqualByComparingTo("0.004");
            assertThat(update.weekly()).isEqualByComparingTo("0.004");
            assertThat(update.monthly()).isEqualByComparingTo("0.004");
            assertThat(update.total()).isEqualByComparingTo("0.004");
        }
    }
}
