package dev.switchboard.contracts.policy;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.Budget;
import java.util.List;
import java.util.Set;

/**
 * A team: its organisation, the models its keys may use (empty: every model), the default data class of its
 * traffic, its rate limits (shared by all its keys), budgets, and whether the request log keeps its prompts and
 * answers ({@code requestLog}; absent in older messages: {@link RequestLogPolicy#NONE}).
 */
public record TeamPolicy(String id, String org, String name, Set<String> models, DataClass dataClass,
                         RateLimit limits, List<Budget> budgets, Source source, RequestLogPolicy requestLog) {

    public TeamPolicy {
        requireNonNull(id, "id");
        requireNonNull(org, "org");
        requireNonNull(name, "name");
        models = Set.copyOf(models);
        requireNonNull(dataClass, "dataClass");
        requireNonNull(limits, "limits");
        budgets = List.copyOf(budgets);
        requireNonNull(source, "source");
        requestLog = requestLog == null ? RequestLogPolicy.NONE : requestLog;
    }

    /** A team whose request log keeps metadata only. */
    public TeamPolicy(String id, String org, String name, Set<String> models, DataClass dataClass, RateLimit limits,
                      List<Budget> budgets, Source source) {
        this(id, org, name, models, dataClass, limits, budgets, source, RequestLogPolicy.NONE);
    }

    public boolean allows(String model) {
        return models.isEmpty() || models.contains(model);
    }
}
