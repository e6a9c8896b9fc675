package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorCategory;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code models:}: the name callers use, the deployments that serve it and how they are picked,
 * retried and bounded ({@link RoutePolicy}). The next target is tried when an attempt fails with a category in
 * {@code fallbackOn}.
 */
public record ModelRoute(String name, List<Target> targets, Set<ErrorCategory> fallbackOn, RoutePolicy policy) {

    public static final Set<ErrorCategory> DEFAULT_FALLBACK_ON = Set.of(ErrorCategory.RATE_LIMITED,
            ErrorCategory.UPSTREAM_UNAVAILABLE, ErrorCategory.UPSTREAM_TIMEOUT, ErrorCategory.UPSTREAM_AUTH_FAILED);

    public ModelRoute {
        requireNonNull(name, "name");
        targets = List.copyOf(targets);
        fallbackOn = Set.copyOf(fallbackOn);
        requireNonNull(policy, "policy");
    }

    public ModelRoute(String name, List<Target> targets, Set<ErrorCategory> fallbackOn) {
        this(name, targets, fallbackOn, RoutePolicy.DEFAULT);
    }

    /** A deployment: a configured provider and the provider's model id; {@code weight} counts for {@code weighted}. */
    public record Target(String provider, String model, int weight) {
        public Target {
            requireNonNull(provider, "provider");
            requireNonNull(model, "model");
        }

        public Target(String provider, String model) {
            this(provider, model, 1);
        }
    }
}
