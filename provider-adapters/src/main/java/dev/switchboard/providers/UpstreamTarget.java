package dev.switchboard.providers;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Where and how to call one deployment.
 *
 * @param provider the configured provider name (goes into ResolvedModel and GatewayException origins)
 * @param model the provider's model id
 * @param baseUrl {@code null} for the adapter's default for its kind
 * @param apiKey the secret itself, never printed
 * @param settings free-form string options from switchboard.yaml (dialect overrides, mock options), kebab-case keys
 * @param timeout the longest wait for response headers
 */
public record UpstreamTarget(String provider, String model, @Nullable URI baseUrl, @Nullable String apiKey,
                             Map<String, String> settings, Duration timeout) {

    public UpstreamTarget {
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        settings = Map.copyOf(settings);
        requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive but was " + timeout);
        }
    }

    /** A setting, or {@code fallback} when absent. */
    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    @Override
    public String toString() {
        return "UpstreamTarget[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", settings=" + settings + ", timeout=" + timeout + "]";
    }
}
