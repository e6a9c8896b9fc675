package dev.switchboard.router.budget;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.router.policy.Caller;
import java.util.ArrayList;
import java.util.List;

/**
 * The budgets of the caller's key, then of its team, then of its team's organisation, as the policy view holds them
 * (file or policy service). An organisation's budgets are shared by every key of every team in it.
 */
public final class CallerBudgets implements BudgetSource {

    @Override
    public List<BudgetKey> budgetsFor(Caller caller) {
        var key = caller.key();
        var team = caller.team();
        var org = caller.org();
        boolean keyHas = key != null && !key.budgets().isEmpty();
        boolean teamHas = team != null && !team.budgets().isEmpty();
        boolean orgHas = org != null && !org.budgets().isEmpty();
        if (!keyHas && !teamHas && !orgHas) {
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
        if (orgHas) {
            for (Budget budget : org.budgets()) {
                out.add(BudgetKey.ofOrg(org.id(), budget));
            }
        }
        return out;
    }
}
