package dev.switchboard.contracts.policy;

import static java.util.Objects.requireNonNull;

/**
 * Another name callers may ask for: a request for {@code alias} is served by the route {@code target} (a model of
 * {@code switchboard.yaml} or a route defined through the API). Aliases do not chain.
 */
public record ModelAlias(String alias, String target, Source source) {

    public ModelAlias {
        requireNonNull(alias, "alias");
        requireNonNull(target, "target");
        requireNonNull(source, "source");
    }
}
