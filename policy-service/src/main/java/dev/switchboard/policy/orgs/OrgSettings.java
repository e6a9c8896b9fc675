package dev.switchboard.policy.orgs;

import dev.switchboard.contracts.config.Budget;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An organisation as the API creates or replaces it: {@code budgets} left out means none. On {@code PUT} the path
 * names the organisation, and {@code name}, when given, must be the same.
 */
public record OrgSettings(@Nullable String name, @Nullable List<Budget> budgets) {

    public OrgSettings {
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
    }
}
