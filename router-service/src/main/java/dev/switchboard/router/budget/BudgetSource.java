package dev.switchboard.router.budget;

import dev.switchboard.contracts.identity.Principal;
import java.util.List;

/**
 * Which budgets a caller's requests count against, most specific first (the first that refuses is named). Keys'
 * budgets come from {@code switchboard.yaml} ({@link KeyBudgets}); team and organisation budgets join here when the
 * policy service provides them.
 */
public interface BudgetSource {

    /** The caller's budgets; empty (the common case) when none applies. */
    List<BudgetKey> budgetsFor(Principal principal);
}
