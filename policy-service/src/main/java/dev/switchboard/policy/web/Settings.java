package dev.switchboard.policy.web;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.identity.Roles;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks shared by team and key settings. */
public final class Settings {

    private static final Set<String> ROLES = Set.of(Roles.PLATFORM_ADMIN, Roles.TEAM_ADMIN, Roles.VIEWER,
            Roles.SERVICE);

    private Settings() {
    }

    /** At most one budget per period: two monthly limits would be ambiguous. */
    public static void requireOneBudgetPerPeriod(List<Budget> budgets) {
        Set<Budget.Period> seen = new HashSet<>();
        for (Budget budget : budgets) {
            if (!seen.add(budget.period())) {
                throw ApiException.badRequest("duplicate_budget", "two " + budget.period().label()
                        + " budgets (expected at most one per period)");
            }
        }
    }

    public static void requireKnownRoles(Set<String> roles) {
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw ApiException.badRequest("unknown_role", "unknown role '" + role + "' (expected one of "
                        + ROLES.stream().sorted().toList() + ")");
            }
        }
    }
}
