package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Set;

/**
 * A Switchboard key from {@code keys:}. Only the SHA-256 of the key is kept. An empty {@code models} set allows
 * every configured model; {@code budgets} (at most one per period) limit what the key may spend.
 */
public record KeyConfig(String name, String sha256Hex, Set<String> models, List<Budget> budgets) {

    public KeyConfig {
        requireNonNull(name, "name");
        requireNonNull(sha256Hex, "sha256Hex");
        models = Set.copyOf(models);
        budgets = List.copyOf(budgets);
    }

    /** A key without budgets. */
    public KeyConfig(String name, String sha256Hex, Set<String> models) {
        this(name, sha256Hex, models, List.of());
    }

    /** The operator's key (from {@code SWITCHBOARD_ADMIN_KEY} or printed at first start): every model. */
    public static KeyConfig admin(String sha256Hex) {
        return new KeyConfig("admin", sha256Hex, Set.of());
    }

    /** Adds the admin key, when there is one, to every activated config. */
    public static java.util.function.UnaryOperator<SwitchboardConfig> withAdmin(
            @org.jspecify.annotations.Nullable String sha256Hex) {
        return sha256Hex == null || sha256Hex.isBlank() ? config -> config : config -> config.withKey(admin(sha256Hex));
    }

    public boolean allows(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
