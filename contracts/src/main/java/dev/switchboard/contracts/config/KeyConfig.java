package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import java.util.Set;

/**
 * A Switchboard key from {@code keys:}. Only the SHA-256 of the key is kept. An empty {@code models} set allows
 * every configured model.
 */
public record KeyConfig(String name, String sha256Hex, Set<String> models) {

    public KeyConfig {
        requireNonNull(name, "name");
        requireNonNull(sha256Hex, "sha256Hex");
        models = Set.copyOf(models);
    }

    public boolean allows(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
