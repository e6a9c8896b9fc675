package dev.switchboard.router.routing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import org.jspecify.annotations.Nullable;

/**
 * A provider model ready to call: the adapter for its kind, everything the adapter needs, its weight for
 * {@code weighted} routes and what the catalog knows of it (price, context window, capabilities), if anything.
 */
public record Deployment(ProviderAdapter adapter, UpstreamTarget target, int weight, @Nullable ModelInfo info) {

    public Deployment {
        requireNonNull(adapter, "adapter");
        requireNonNull(target, "target");
    }

    public Deployment(ProviderAdapter adapter, UpstreamTarget target) {
        this(adapter, target, 1, null);
    }

    /** {@code provider/model}: the key health and latency are kept under. */
    public String id() {
        return target.provider() + "/" + target.model();
    }
}
