package dev.switchboard.router.routing;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.policyview.Governance;
import dev.switchboard.providers.ProviderRegistry;
import dev.switchboard.router.policy.Caller;
import dev.switchboard.router.policy.DataPolicies;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The routing table of the active config version; swapped atomically when {@code switchboard.yaml} changes, and
 * when the policy view changes if a provider takes a stored credential or the view's aliases or routes changed.
 */
public final class LiveRoutingTable {

    private final AtomicReference<RoutingTable> current;
    private final DataPolicies dataPolicies;
    /** The policy view's aliases and routes the current table was built with. */
    private volatile ApiRoutes builtFrom = ApiRoutes.NONE;

    /**
     * With governance: data policies filter the deployments, stored credentials become API keys, and the policy
     * service's aliases and routes join the file's.
     */
    public LiveRoutingTable(ConfigFile config, ProviderRegistry registry, ModelCatalog catalog, Governance governance) {
        this.dataPolicies = new DataPolicies(governance);
        current = new AtomicReference<>(build(config.current(), registry, catalog, governance));
        config.onActivate(next -> rebuild(next, registry, catalog, governance));
        governance.remote().onChange(view -> {
            SwitchboardConfig active = config.current();
            if (active.providers().values().stream().anyMatch(p -> p.credential() != null)
                    || !apiRoutes(governance).equals(builtFrom)) {
                rebuild(active, registry, catalog, governance);
            }
        });
    }

    /** Serialised, so a reload and a policy change never leave the older of their tables in place. */
    private synchronized void rebuild(SwitchboardConfig config, ProviderRegistry registry, ModelCatalog catalog,
                                      Governance governance) {
        current.set(build(config, registry, catalog, governance));
    }

    private RoutingTable build(SwitchboardConfig config, ProviderRegistry registry, ModelCatalog catalog,
                               Governance governance) {
        ApiRoutes api = apiRoutes(governance);
        builtFrom = api;
        return RoutingTable.build(config, registry, catalog, name -> governance.credential(name).orElse(null), api);
    }

    private static ApiRoutes apiRoutes(Governance governance) {
        return new ApiRoutes(Set.copyOf(governance.aliases()), Set.copyOf(governance.routes()));
    }

    /**
     * The deployments to try for this call: the model's route resolved for the caller (404/403 as in
     * {@link RoutingTable#resolve}), then planned (rules followed, capable and healthy deployments first, strategy),
     * then narrowed to the providers the request's data class may go to (403 when none may).
     */
    public Plan plan(String model, Caller caller, CallContext call, boolean stream, Planner planner) {
        RoutingTable table = current.get();
        Route route = table.resolve(model, caller);
        Plan plan = planner.plan(route, call, stream, name -> table.find(name).orElse(null));
        List<Deployment> allowed = dataPolicies.allowed(plan.order(), d -> d.target().provider(), table::provider,
                caller, model);
        return allowed == plan.order() ? plan : new Plan(plan.route(), allowed);
    }

    /** See {@link RoutingTable#visibleTo}. */
    public List<Route> visibleTo(Caller caller) {
        return current.get().visibleTo(caller);
    }
}
