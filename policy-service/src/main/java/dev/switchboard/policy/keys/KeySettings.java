package dev.switchboard.policy.keys;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.RateLimit;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A key's settings as the API creates or replaces them. Left out: the team's models, the team's data class, no
 * limits of its own, no budgets, no roles, no expiry. {@code name} is required on create and ignored on update.
 */
public record KeySettings(@Nullable String name, @Nullable Set<String> models, @Nullable DataClass dataClass,
                          @Nullable RateLimit limits, @Nullable List<Budget> budgets, @Nullable Set<String> roles,
                          @Nullable Instant expiresAt) {

    public KeySettings {
        models = models == null ? Set.of() : Set.copyOf(models);
        limits = limits == null ? RateLimit.NONE : limits;
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        // PostgreSQL keeps microseconds: the stored and the published expiry must be the same instant.
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.MICROS);
    }
}
