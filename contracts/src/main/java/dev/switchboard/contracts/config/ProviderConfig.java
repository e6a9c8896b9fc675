package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code providers:}. {@code settings} are the adapter's own options (a {@code dialect:} block for
 * OpenAI-compatible upstreams, the mock's latency and chunking), passed to the adapter as strings.
 */
public record ProviderConfig(String name, String kind, @Nullable URI baseUrl, @Nullable Secret apiKey,
                             Map<String, String> settings, Duration timeout) {

    public ProviderConfig {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        settings = Map.copyOf(settings);
        requireNonNull(timeout, "timeout");
    }
}
