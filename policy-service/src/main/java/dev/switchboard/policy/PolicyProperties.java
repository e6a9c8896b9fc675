package dev.switchboard.policy;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The policy service's own settings ({@code policy.*} in {@code policy.properties}).
 *
 * @param topic the Kafka topic every change is published to (compacted)
 * @param dbSchema the PostgreSQL schema this service owns (Flyway and the connection pool read it too)
 * @param publishInterval how often the outbox is checked for unpublished changes (it is also nudged on commit)
 */
@ConfigurationProperties(prefix = "policy", ignoreUnknownFields = false)
public record PolicyProperties(String topic, String dbSchema, Duration publishInterval) {

    public PolicyProperties {
        requireNonNull(topic, "policy.topic");
        requireNonNull(dbSchema, "policy.db-schema");
        requireNonNull(publishInterval, "policy.publish-interval");
    }
}
