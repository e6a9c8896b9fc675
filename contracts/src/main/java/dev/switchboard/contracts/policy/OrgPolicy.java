package dev.switchboard.contracts.policy;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.Budget;
import java.util.List;

/**
 * An organisation: the top of the team hierarchy, with budgets shared by every team (and so every key) in it. A team
 * may name an organisation no entry declares; such an organisation has no budgets.
 */
public record OrgPolicy(String id, String name, List<Budget> budgets, Source source) {

    public OrgPolicy {
        requireNonNull(id, "id");
        requireNonNull(name, "name");
        budgets = List.copyOf(budgets);
        requireNonNull(source, "source");
    }
}
