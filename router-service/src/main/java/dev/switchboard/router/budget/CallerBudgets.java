package dev.switchboard.router.budget;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.router.policy.Caller;
import java.util.ArrayList;
import java.util.List;

/** The budgets of the caller's key, then of its team, as the policy view holds them (file or policy service). */
public final class CallerBudgets implements BudgetSource {

    @Override
    public List<BudgetKey> budgetsFor(Caller caller) {
        var key = caller.key();
        var team = caller.team();
        boolean keyHas = key != null && !key.budgets().isEmpty();
        boolean teamHas = team != null && !team.budgets().isEmpty();
        if (!keyHas && !teamHas) {
            return List.of();
        }
        List<BudgetKey> out = new ArrayList<>();
        if (keyHas) {
            for (Budget budget : key.budgets()) {
                out.add(BudgetKey.ofKey(caller.keyName(), budget));
            }
        }
        if (teamHas) {
            for (Budget budget : team.budgets()) {
                out.add(BudgetKey.ofTeam(team.id(), budget));
            }
        }
        return out;
    }
}
