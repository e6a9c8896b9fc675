package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import dev.switchboard.contracts.policy.ProviderDataPolicy;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code providers:}. {@code settings} are the adapter's own options (a {@code dialect:} block for
 * OpenAI-compatible upstreams, the mock's latency and chunking), passed to the adapter as strings. The API key is
 * either {@code apiKey} (from the environment) or {@code credential}, the name of a credential stored in the policy
 * service ({@code api-key: credential:<name>}). {@code dataPolicy} overrides the built-in data policy of the kind.
 */
public record ProviderConfig(String name, String kind, @Nullable URI baseUrl, @Nullable Secret apiKey,
                             Map<String, String> settings, Duration timeout, @Nullable String credential,
                             @Nullable ProviderDataPolicy dataPolicy) {

    public ProviderConfig(String name, String kind, @Nullable URI baseUrl, @Nullable Secret apiKey,
                          Map<String, String> settings, Duration timeout) {
        this(name, kind, baseUrl, apiKey, settings, timeout, null, null);
    }

    public ProviderConfig {
        requireNonNull(name, "name");
        requireNonNull(kind, "kind");
        settings = Map.copyOf(settings);
        requireNonNull(timeout, "timeout");
    }
}
