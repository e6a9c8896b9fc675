package dev.switchboard.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.providers.ProviderAdaptersConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class ExampleConfigTest {

    @Test
    void theExampleInTheRepositoryIsValid() throws Exception {
        try (var context = new AnnotationConfigApplicationContext(ProviderAdaptersConfiguration.class)) {
            var registry = context.getBean(dev.switchboard.providers.ProviderRegistry.class);
            var parser = new ConfigParser(name -> "value-of-" + name, registry.kinds());
            var config = parser.parse(Files.readString(Path.of("../switchboard.example.yaml")), "example");
            assertThat(config.models()).containsKeys("echo", "gpt-4o-mini", "fast", "smart", "cheap", "quick", "auto", "embed");
            assertThat(config.providers()).hasSize(10);
            assertThat(config.teams().get("payments").dataClass())
                    .isEqualTo(dev.switchboard.contracts.policy.DataClass.CONFIDENTIAL);
            assertThat(config.teams().get("payments").org()).isEqualTo("acme");
        }
    }
}
