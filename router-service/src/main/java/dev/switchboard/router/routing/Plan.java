package dev.switchboard.router.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The deployments to try for one request, in order, and the route they come from (after any rules). */
public record Plan(Route route, List<Deployment> order) {
    public Plan {
        requireNonNull(route, "route");
        order = List.copyOf(order);
    }
}
