package dev.switchboard.router.budget;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.KeyConfig;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.identity.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The budgets of each key in the active {@code switchboard.yaml}, re-indexed when a new version activates. */
public final class KeyBudgets implements BudgetSource {

    private volatile Map<String, List<BudgetKey>> byKeyName;

    public KeyBudgets(ConfigFile config) {
        byKeyName = index(config.current());
        config.onActivate(next -> byKeyName = index(next));
    }

    @Override
    public List<BudgetKey> budgetsFor(Principal principal) {
        return byKeyName.getOrDefault(principal.keyName(), List.of());
    }

    private static Map<String, List<BudgetKey>> index(SwitchboardConfig config) {
        Map<String, List<BudgetKey>> out = new HashMap<>();
        for (KeyConfig key : config.keysByHash().values()) {
            if (!key.budgets().isEmpty()) {
                out.put(key.name(), key.budgets().stream().map(b -> BudgetKey.ofKey(key.name(), b)).toList());
            }
        }
        return Map.copyOf(out);
    }
}
