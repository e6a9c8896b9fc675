package dev.switchboard.router.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class EventsConfigurationTest {

    @TempDir
    Path spoolDir;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(EventsConfiguration.class);

    @Test
    void onlyLogsWhenNoKafkaIsConfigured() {
        runner.run(context -> assertThat(context).hasSingleBean(LoggingCompletionPublisher.class)
                .doesNotHaveBean(KafkaCompletionPublisher.class).hasSingleBean(Completions.class));
    }

    @Test
    void publishesToKafkaWhenBootstrapServersAreSet() {
        runner.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9",
                        "switchboard.events.spool-dir=" + spoolDir)
                .run(context -> assertThat(context).hasSingleBean(KafkaCompletionPublisher.class)
                        .doesNotHaveBean(LoggingCompletionPublisher.class));
    }

    @Test
    void theSwitchWinsOverBootstrapServers() {
        runner.withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:9", "switchboard.events.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(LoggingCompletionPublisher.class));
        runner.withPropertyValues("switchboard.events.enabled=true", "switchboard.events.spool-dir=" + spoolDir)
                .run(context -> assertThat(context).hasSingleBean(KafkaCompletionPublisher.class));
    }
}
