package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorCategory;
import java.util.List;
import java.util.Set;

/**
 * One entry of {@code models:}: the name callers use and the deployments that serve it, tried in order.
 * The next target is tried when an attempt fails with a category in {@code fallbackOn}.
 */
public record ModelRoute(String name, List<Target> targets, Set<ErrorCategory> fallbackOn) {

    public static final Set<ErrorCategory> DEFAULT_FALLBACK_ON = Set.of(ErrorCategory.RATE_LIMITED,
            ErrorCategory.UPSTREAM_UNAVAILABLE, ErrorCategory.UPSTREAM_TIMEOUT, ErrorCategory.UPSTREAM_AUTH_FAILED);

    public ModelRoute {
        requireNonNull(name, "name");
        targets = List.copyOf(targets);
        fallbackOn = Set.copyOf(fallbackOn);
    }

    /** A deployment: a configured provider and the provider's model id. */
    public record Target(String provider, String model) {
        public Target {
            requireNonNull(provider, "provider");
            requireNonNull(model, "model");
        }
    }
}
