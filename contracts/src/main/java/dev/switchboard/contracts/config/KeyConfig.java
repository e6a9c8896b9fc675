package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.RateLimit;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Switchboard key from {@code keys:}. Only the SHA-256 of the key is kept. An empty {@code models} set allows
 * every configured model (or its team's); {@code budgets} (at most one per period) limit what the key may spend;
 * {@code team}, {@code dataClass}, {@code limits} and {@code roles} are its governance settings.
 */
public record KeyConfig(String name, String sha256Hex, Set<String> models, List<Budget> budgets,
                        @Nullable String team, @Nullable DataClass dataClass, RateLimit limits, Set<String> roles) {

    public KeyConfig {
        requireNonNull(name, "name");
        requireNonNull(sha256Hex, "sha256Hex");
        models = Set.copyOf(models);
        budgets = List.copyOf(budgets);
        requireNonNull(limits, "limits");
        roles = Set.copyOf(roles);
    }

    /** A key without team, data class, limits or roles. */
    public KeyConfig(String name, String sha256Hex, Set<String> models, List<Budget> budgets) {
        this(name, sha256Hex, models, budgets, null, null, RateLimit.NONE, Set.of());
    }

    /** A key without budgets. */
    public KeyConfig(String name, String sha256Hex, Set<String> models) {
        this(name, sha256Hex, models, List.of());
    }

    /** The operator's key (from {@code SWITCHBOARD_ADMIN_KEY} or printed at first start): every model. */
    public static KeyConfig admin(String sha256Hex) {
        return new KeyConfig("admin", sha256Hex, Set.of(), List.of(), null, null, RateLimit.NONE,
                Set.of(Roles.PLATFORM_ADMIN));
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
