package dev.switchboard.policy.keys;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.RateLimit;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.keys.KeyRepository.StoredKey;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A key as the API shows it: its prefix, never the key or its hash. */
public record KeyView(String id, String name, @Nullable String team, String prefix, Set<String> models,
                      @Nullable DataClass dataClass, RateLimit limits, List<Budget> budgets, Set<String> roles,
                      @Nullable Instant expiresAt, boolean revoked, @Nullable Instant revokedAt, Instant createdAt,
                      Source source) {

    public static KeyView of(StoredKey stored) {
        var key = stored.policy();
        return new KeyView(key.id(), key.name(), key.team(), key.prefix(), key.models(), key.dataClass(), key.limits(),
                key.budgets(), key.roles(), key.expiresAt(), key.revoked(), stored.revokedAt(), stored.createdAt(),
                key.source());
    }
}
