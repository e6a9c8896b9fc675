package dev.switchboard.policyview;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where a replica's policy view comes from ({@code switchboard.policy.*}).
 *
 * @param url the policy service's base URL; without it the file is the whole policy
 * @param topic the compacted topic changes arrive on (followed when {@code spring.kafka.bootstrap-servers} is set)
 * @param probeInterval how often the policy service is checked; the view is stale after three missed checks
 * @param startupWait how long start-up waits for the first snapshot before serving without it
 */
@ConfigurationProperties("switchboard.policy")
public record PolicyViewProperties(@Nullable URI url, @DefaultValue(KafkaChangeFeed.DEFAULT_TOPIC) String topic,
                                   @DefaultValue("5s") Duration probeInterval, @DefaultValue("5s") Duration startupWait) {
}
