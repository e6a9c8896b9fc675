package dev.switchboard.router.routing;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.providers.ProviderRegistry;
import java.util.concurrent.atomic.AtomicReference;

/** The routing table of the active config version; swapped atomically when {@code switchboard.yaml} changes. */
public final class LiveRoutingTable {

    private final AtomicReference<RoutingTable> current;

    public LiveRoutingTable(ConfigFile config, ProviderRegistry registry) {
        current = new AtomicReference<>(RoutingTable.build(config.current(), registry));
        config.onActivate(next -> current.set(RoutingTable.build(next, registry)));
    }

    public RoutingTable current() {
        return current.get();
    }
}
