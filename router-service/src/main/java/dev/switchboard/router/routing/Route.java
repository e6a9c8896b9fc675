package dev.switchboard.router.routing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.RoutePolicy;
import dev.switchboard.contracts.error.ErrorCategory;
import java.util.List;
import java.util.Set;

/**
 * What a model name resolves to: deployments, the failures that move to the next one and the policy that orders,
 * retries and bounds them. A {@code rules} route may have no deployments of its own when it has a default.
 */
public record Route(String name, List<Deployment> deployments, Set<ErrorCategory> fallbackOn, RoutePolicy policy) {

    public Route {
        requireNonNull(name, "name");
        deployments = List.copyOf(deployments);
        fallbackOn = Set.copyOf(fallbackOn);
        requireNonNull(policy, "policy");
        if (deployments.isEmpty() && policy.defaultRoute() == null) {
            throw new IllegalArgumentException("route " + name + " has no deployment");
        }
    }

    public Route(String name, List<Deployment> deployments, Set<ErrorCategory> fallbackOn) {
        this(name, deployments, fallbackOn, RoutePolicy.DEFAULT);
    }

    /** The provider that serves this route first, as {@code /v1/models} reports it. */
    public String owner() {
        return deployments.isEmpty() ? "switchboard" : deployments.getFirst().target().provider();
    }
}
