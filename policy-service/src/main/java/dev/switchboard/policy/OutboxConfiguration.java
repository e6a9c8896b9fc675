package dev.switchboard.policy;

import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.outbox.OutboxPublisher;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Distribution of changes: with {@code spring.kafka.bootstrap-servers} set, the outbox is published to the
 * compacted {@code policy-changes} topic; without it, changes are only recorded (and the snapshot still serves them).
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    private static final Logger log = LoggerFactory.getLogger(OutboxConfiguration.class);
    private static final String NO_KAFKA = "'${spring.kafka.bootstrap-servers:}'.isBlank()";

    @Bean
    @ConditionalOnExpression("!" + NO_KAFKA)
    NewTopic policyChangesTopic(PolicyProperties properties) {
        return TopicBuilder.name(properties.topic()).partitions(1)
                .config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT).build();
    }

    @Bean
    @ConditionalOnExpression("!" + NO_KAFKA)
    OutboxPublisher outboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, PolicyProperties properties,
                                    Outbox outbox) {
        return new OutboxPublisher(jdbc, kafka, properties.topic(), properties.publishInterval(), outbox);
    }

    @Bean
    @ConditionalOnExpression(NO_KAFKA)
    InitializingBean undistributedNotice() {
        return () -> log.warn("spring.kafka.bootstrap-servers is not set: policy changes are recorded but not "
                + "distributed on Kafka (routers can still load /internal/v1/policy/snapshot)");
    }
}
