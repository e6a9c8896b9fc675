package dev.switchboard.router.budget;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.Budget;

/**
 * One budget of one owner: {@code scope} says what kind of owner ({@code key} today; {@code team} and
 * {@code organisation} join with the policy service), {@code owner} its name.
 */
public record BudgetKey(String scope, String owner, Budget budget) {

    public static final String KEY = "key";

    public BudgetKey {
        requireNonNull(scope, "scope");
        requireNonNull(owner, "owner");
        requireNonNull(budget, "budget");
    }

    public static BudgetKey ofKey(String keyName, Budget budget) {
        return new BudgetKey(KEY, keyName, budget);
    }

    /** E.g. {@code budget 'monthly' of key 'app' (25.00 USD)}. */
    public String describe() {
        return "budget '" + budget.name() + "' of " + scope + " '" + owner + "' (" + budget.limit().toPlainString()
                + " USD)";
    }
}
