package dev.switchboard.cost;

import static java.util.Objects.requireNonNull;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The cost service's own settings ({@code cost.*} in {@code cost.properties}).
 *
 * @param topic the Kafka topic of completion events
 * @param featureTag the request tag whose value is the "feature" in the daily aggregates
 * @param dbSchema the PostgreSQL schema this service owns (Flyway and the connection pool read it too)
 */
@ConfigurationProperties(prefix = "cost", ignoreUnknownFields = false)
public record CostProperties(String topic, String featureTag, String dbSchema) {

    public CostProperties {
        requireNonNull(topic, "cost.topic");
        requireNonNull(featureTag, "cost.feature-tag");
        requireNonNull(dbSchema, "cost.db-schema");
    }
}
