package dev.switchboard.router.routing;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.providers.ProviderRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** The routing table of the active config version; swapped atomically when {@code switchboard.yaml} changes. */
public final class LiveRoutingTable {

    private final ConfigFile config;
    private final AtomicReference<RoutingTable> current;

    public LiveRoutingTable(ConfigFile config, ProviderRegistry registry) {
        this(config, registry, ModelCatalog.builtIn());
    }

    /** With the catalog whose facts (price, context window, capabilities) the deployments carry. */
    public LiveRoutingTable(ConfigFile config, ProviderRegistry registry, ModelCatalog catalog) {
        this.config = config;
        current = new AtomicReference<>(RoutingTable.build(config.current(), registry, catalog));
        config.onActivate(next -> current.set(RoutingTable.build(next, registry, catalog)));
    }

    /** See {@link RoutingTable#resolve}, in the config version that knows the caller's key. */
    public Route resolve(String model, Principal principal) {
        return forCaller(principal).resolve(model, principal);
    }

    /**
     * The deployments to try for this call: the model's route resolved for the caller (404/403 as in
     * {@link RoutingTable#resolve}), then planned (rules followed, capable and healthy deployments first, strategy).
     */
    public Plan plan(String model, Principal principal, CallContext call, boolean stream, Planner planner) {
        RoutingTable table = forCaller(principal);
        Route route = table.resolve(model, principal);
        return planner.plan(route, call, stream, name -> table.find(name).orElse(null));
    }

    /** See {@link RoutingTable#visibleTo}, in the config version that knows the caller's key. */
    public List<Route> visibleTo(Principal principal) {
        return forCaller(principal).visibleTo(principal);
    }

    /**
     * The table for a caller. The edge and the router poll {@code switchboard.yaml} on their own, so a key the edge
     * has just accepted may not be in the router's version yet: on such a miss the file is checked once at once
     * (only an edge-signed principal gets here, so callers cannot make the router read the file at will).
     */
    private RoutingTable forCaller(Principal principal) {
        RoutingTable table = current.get();
        if (table.knows(principal)) {
            return table;
        }
        config.reload();
        return current.get();
    }
}
