package dev.switchboard.router.budget;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.Budget;

/**
 * One budget of one owner: {@code scope} says what kind of owner ({@code key}, {@code team} or {@code org}),
 * {@code owner} its name.
 */
public record BudgetKey(String scope, String owner, Budget budget) {

    public static final String KEY = "key";
    public static final String TEAM = "team";
    public static final String ORG = "org";

    public BudgetKey {
        requireNonNull(scope, "scope");
        requireNonNull(owner, "owner");
        requireNonNull(budget, "budget");
    }

    public static BudgetKey ofKey(String keyName, Budget budget) {
        return new BudgetKey(KEY, keyName, budget);
    }

    public static BudgetKey ofTeam(String team, Budget budget) {
        return new BudgetKey(TEAM, team, budget);
    }

    public static BudgetKey ofOrg(String org, Budget budget) {
        return new BudgetKey(ORG, org, budget);
    }

    /** E.g. {@code budget 'monthly' of key 'app' (25.00 USD)}. */
    public String describe() {
        return "budget '" + budget.name() + "' of " + scope + " '" + owner + "' (" + budget.limit().toPlainString()
                + " USD)";
    }
}
