package dev.switchboard.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.RateLimit;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.router.policy.Caller;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerBudgetsTest {

    private static final Budget DAILY = new Budget(new BigDecimal("1.00"), Budget.Period.DAILY, null);
    private static final Budget MONTHLY = new Budget(new BigDecimal("50.00"), Budget.Period.MONTHLY, null);

    private final CallerBudgets budgets = new CallerBudgets();

    @Test
    void listsTheKeysThenTheTeamsThenTheOrgsBudgets() {
        var key = new KeyPolicy("key_1", "app", "ml", "sb-1", "h1", Set.of(), null, RateLimit.NONE, List.of(DAILY),
                Set.of(), null, false, Source.API);
        var team = new TeamPolicy("ml", "acme", "ml", Set.of(), DataClass.INTERNAL, RateLimit.NONE, List.of(DAILY),
                Source.API);
        var org = new OrgPolicy("acme", "acme", List.of(DAILY, MONTHLY), Source.FILE);

        var caller = new Caller(new Principal("key_1"), key, team, DataClass.INTERNAL, org);

        assertThat(budgets.budgetsFor(caller)).extracting(BudgetKey::describe).containsExactly(
                "budget 'daily' of key 'key_1' (1.00 USD)", "budget 'daily' of team 'ml' (1.00 USD)",
                "budget 'daily' of org 'acme' (1.00 USD)", "budget 'monthly' of org 'acme' (50.00 USD)");
    }

    @Test
    void anOrgWithoutBudgetsAddsNothing() {
        var team = new TeamPolicy("ml", "acme", "ml", Set.of(), DataClass.INTERNAL, RateLimit.NONE, List.of(),
                Source.API);
        var caller = new Caller(new Principal("token:svc", "ml", null, Set.of()), null, team, DataClass.INTERNAL,
                new OrgPolicy("acme", "acme", List.of(), Source.API));

        assertThat(budgets.budgetsFor(caller)).isEmpty();
        assertThat(budgets.budgetsFor(new Caller(caller.principal(), null, team, DataClass.INTERNAL))).isEmpty();
    }
}
