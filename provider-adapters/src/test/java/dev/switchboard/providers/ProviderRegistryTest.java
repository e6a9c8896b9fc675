package dev.switchboard.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.providers.mock.MockAdapter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class ProviderRegistryTest {

    @Test
    void rejectsDuplicateKinds() {
        assertThatThrownBy(() -> new ProviderRegistry(List.of(new MockAdapter(), new MockAdapter())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("duplicate provider kind 'mock'");
    }

    @Test
    void findsAdaptersByKind() {
        var registry = new ProviderRegistry(List.of(new MockAdapter()));
        assertThat(registry.find("mock")).containsInstanceOf(MockAdapter.class);
        assertThat(registry.find("grok")).isEmpty();
        assertThat(registry.kinds()).containsExactly("mock");
    }

    @Test
    void configurationRegistersEveryShippedKind() {
        try (var context = new AnnotationConfigApplicationContext(ProviderAdaptersConfiguration.class)) {
            assertThat(context.getBean(ProviderRegistry.class).kinds()).containsExactly("anthropic", "cerebras", "deepinfra",
                    "gemini", "gemini-openai", "groq", "mistral", "mock", "openai", "openai-compatible", "openrouter", "xai");
        }
    }

    @Test
    void targetToStringHidesTheApiKey() {
        var target = new UpstreamTarget("p", "m", URI.create("http://x"), "sk-very-secret", Map.of(), Duration.ofSeconds(1));
        assertThat(target.toString()).doesNotContain("sk-very-secret").contains("apiKey=***");
    }
}
