package dev.switchboard.router.routing;

import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.RouteDefinition;
import java.util.Set;

/**
 * The aliases and routes a routing table takes from the policy view, beside {@code switchboard.yaml}'s models and
 * aliases (which win on a name clash). Held as sets so a rebuild is needed only when they really change.
 */
public record ApiRoutes(Set<ModelAlias> aliases, Set<RouteDefinition> routes) {

    public static final ApiRoutes NONE = new ApiRoutes(Set.of(), Set.of());

    public ApiRoutes {
        aliases = Set.copyOf(aliases);
        routes = Set.copyOf(routes);
    }
}
