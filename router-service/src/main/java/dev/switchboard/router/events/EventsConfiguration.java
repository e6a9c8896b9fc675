package dev.switchboard.router.events;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The completion event beans. Events go to Kafka when {@code switchboard.events.enabled} is true, or when it is not
 * set and {@code spring.kafka.bootstrap-servers} is; otherwise they are only logged at DEBUG, and nothing connects
 * anywhere (Kafka's auto-configuration is excluded in {@code router.properties}; the publisher reads the usual
 * {@code spring.kafka.*} client settings itself).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EventsProperties.class)
public class EventsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventsConfiguration.class);

    @Bean(destroyMethod = "close")
    @Conditional(KafkaOn.class)
    KafkaCompletionPublisher kafkaCompletionPublisher(EventsProperties events, Environment environment) {
        KafkaProperties kafka = Binder.get(environment).bindOrCreate("spring.kafka", KafkaProperties.class);
        SpoolFile spool = SpoolFile.open(events.spoolDir());
        log.info("completion events go to Kafka topic {} at {} (spool: {})", events.topic(),
                String.join(",", kafka.getBootstrapServers()), spool.path().toAbsolutePath());
        return new KafkaCompletionPublisher(kafka.buildProducerProperties(), events.topic(), spool,
                events.replayInterval());
    }

    @Bean
    @Conditional(KafkaOff.class)
    LoggingCompletionPublisher loggingCompletionPublisher() {
        log.info("completion events are only logged (DEBUG {}); set spring.kafka.bootstrap-servers or "
                + "switchboard.events.enabled=true to publish them to Kafka",
                LoggingCompletionPublisher.class.getName());
        return new LoggingCompletionPublisher();
    }

    @Bean(destroyMethod = "close")
    Completions completions(CompletionPublisher publisher) {
        return new Completions(publisher, Clock.systemUTC());
    }

    static boolean kafkaOn(Environment environment) {
        Binder binder = Binder.get(environment);
        return binder.bind("switchboard.events.enabled", Boolean.class).orElseGet(() -> !binder
                .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class)).orElse(List.of()).isEmpty());
    }

    static final class KafkaOn extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return kafkaOn(context.getEnvironment())
                    ? ConditionOutcome.match("completion events to Kafka")
                    : ConditionOutcome.noMatch("switchboard.events.enabled is false, or unset and "
                            + "spring.kafka.bootstrap-servers is not set");
        }
    }

    static final class KafkaOff extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return kafkaOn(context.getEnvironment())
                    ? ConditionOutcome.noMatch("completion events to Kafka")
                    : ConditionOutcome.match("completion events only logged");
        }
    }
}
