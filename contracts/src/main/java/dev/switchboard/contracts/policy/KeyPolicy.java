package dev.switchboard.contracts.policy;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.Budget;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A Switchboard key as the routers know it: only its SHA-256 and the visible {@code prefix} (e.g. {@code sb-3f9a1c})
 * are kept. {@code models} narrows the team's list (empty: the team's); {@code dataClass} overrides the team's default
 * when set; {@code roles} are admin roles the key carries (usually none).
 */
public record KeyPolicy(String id, String name, @Nullable String team, String prefix, String sha256Hex,
                        Set<String> models, @Nullable DataClass dataClass, RateLimit limits, List<Budget> budgets,
                        Set<String> roles, @Nullable Instant expiresAt, boolean revoked, Source source) {

    public KeyPolicy {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        requireNonNull(prefix, "prefix");
        requireNonNull(sha256Hex, "sha256Hex");
        models = Set.copyOf(models);
        requireNonNull(limits, "limits");
        budgets = List.copyOf(budgets);
        roles = Set.copyOf(roles);
        requireNonNull(source, "source");
    }

    /** Not revoked and not past its expiry. */
    public boolean activeAt(Instant now) {
        return !revoked && (expiresAt == null || now.isBefore(expiresAt));
    }
}
