package dev.switchboard.policy.teams;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.RequestLogPolicy;
import dev.switchboard.contracts.policy.RateLimit;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A team as the API creates or replaces it. Left out: {@code org} {@code default}, every model, data class
 * {@code internal}, no limits, no budgets, a request log of metadata only ({@code requestLog}:
 * {@link RequestLogSettings}). {@code name} is ignored on update (the path names the team).
 */
public record TeamSettings(@Nullable String name, @Nullable String org, @Nullable Set<String> models,
                           @Nullable DataClass dataClass, @Nullable RateLimit limits, @Nullable List<Budget> budgets,
                           @Nullable RequestLogSettings requestLog) {

    public TeamSettings {
        org = org == null ? "default" : org;
        models = models == null ? Set.of() : Set.copyOf(models);
        dataClass = dataClass == null ? DataClass.INTERNAL : dataClass;
        limits = limits == null ? RateLimit.NONE : limits;
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
    }

    /** The request log policy asked for; 400 when it is out of range. */
    RequestLogPolicy requestLogPolicy() {
        return requestLog == null ? RequestLogPolicy.NONE : requestLog.policy();
    }
}
