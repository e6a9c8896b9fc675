package dev.switchboard.router.routing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;

/** A provider model ready to call: the adapter for its kind and everything the adapter needs. */
public record Deployment(ProviderAdapter adapter, UpstreamTarget target) {
    public Deployment {
        requireNonNull(adapter, "adapter");
        requireNonNull(target, "target");
    }
}
