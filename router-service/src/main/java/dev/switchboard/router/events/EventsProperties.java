package dev.switchboard.router.events;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Completion events ({@code switchboard.events.*}). Whether they go to Kafka is {@code switchboard.events.enabled},
 * which defaults to whether {@code spring.kafka.bootstrap-servers} is set (see {@link EventsConfiguration}).
 *
 * @param topic the Kafka topic
 * @param spoolDir where events wait while the broker is unreachable ({@code completions.jsonl})
 * @param replayInterval the pause between attempts to deliver spooled events while the broker does not acknowledge
 */
@ConfigurationProperties("switchboard.events")
public record EventsProperties(@DefaultValue("completions") String topic,
                               @DefaultValue("./switchboard-data/spool") Path spoolDir,
                               @DefaultValue("5s") Duration replayInterval) {
}
