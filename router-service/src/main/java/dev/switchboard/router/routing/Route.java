package dev.switchboard.router.routing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorCategory;
import java.util.List;
import java.util.Set;

/** What a model name resolves to: deployments in fallback order and the failures that move to the next one. */
public record Route(String name, List<Deployment> deployments, Set<ErrorCategory> fallbackOn) {
    public Route {
        requireNonNull(name, "name");
        deployments = List.copyOf(deployments);
        fallbackOn = Set.copyOf(fallbackOn);
        if (deployments.isEmpty()) {
            throw new IllegalArgumentException("route " + name + " has no deployment");
        }
    }

    /** The provider that serves this route first, as {@code /v1/models} reports it. */
    public String owner() {
        return deployments.getFirst().target().provider();
    }
}
