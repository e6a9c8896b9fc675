package dev.switchboard.policyview;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.contracts.policy.CredentialSeal;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The policy view beans a service imports: {@link RemotePolicy} (started at once; none without
 * {@code switchboard.policy.url}), {@link Governance} over the service's {@link ConfigFile}, and a {@code policyView}
 * health contributor that reports a stale view (the service stays up and keeps deciding on it). Provider credentials
 * open with {@code switchboard.master-keys} when it is set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PolicyViewProperties.class)
public class PolicyViewConfiguration {

    @Bean(destroyMethod = "close")
    RemotePolicy remotePolicy(PolicyViewProperties properties, Environment environment) {
        if (properties.url() == null) {
            return RemotePolicy.none();
        }
        String secret = environment.getProperty("switchboard.internal-secret");
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException("switchboard.policy.url is set but switchboard.internal-secret is not: "
                    + "the policy service only answers principals signed with it");
        }
        String replica = environment.getProperty("spring.application.name", "switchboard");
        var source = new HttpSnapshotSource(properties.url(), new SignedPrincipal(secret, Clock.systemUTC()), replica);
        String kafka = environment.getProperty("spring.kafka.bootstrap-servers");
        var feed = kafka == null || kafka.isBlank() ? null : new KafkaChangeFeed(kafka, properties.topic());
        var remote = new RemotePolicy(source, feed, properties.probeInterval(), Clock.systemUTC());
        remote.start();
        remote.awaitBootstrap(properties.startupWait());
        return remote;
    }

    @Bean
    Governance governance(ConfigFile config, RemotePolicy remotePolicy, Environment environment) {
        String ring = environment.getProperty("switchboard.master-keys");
        return new Governance(config, remotePolicy, ring == null || ring.isBlank() ? null : CredentialSeal.parse(ring));
    }

    @Bean
    HealthIndicator policyView(RemotePolicy remotePolicy) {
        return () -> {
            var status = remotePolicy.status();
            if (!status.configured()) {
                return Health.up().withDetail("source", "switchboard.yaml").build();
            }
            var health = Health.up().withDetail("source", "switchboard.yaml and the policy service")
                    .withDetail("bootstrapped", status.bootstrapped()).withDetail("seq", status.seq())
                    .withDetail("stale", status.stale());
            return status.problem() == null ? health.build() : health.withDetail("problem", status.problem()).build();
        };
    }
}
