package dev.switchboard.router.budget;

import dev.switchboard.router.policy.Caller;
import java.util.List;

/**
 * Which budgets a caller's requests count against, most specific first (the first that refuses is named): its key's,
 * then its team's, then its organisation's.
 */
public interface BudgetSource {

    /** The caller's budgets; empty (the common case) when none applies. */
    List<BudgetKey> budgetsFor(Caller caller);
}
