package dev.switchboard.providers;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The adapters by kind. Duplicate kinds are a startup error. */
public final class ProviderRegistry {

    private final Map<String, ProviderAdapter> byKind;

    public ProviderRegistry(Collection<? extends ProviderAdapter> adapters) {
        var map = new TreeMap<String, ProviderAdapter>();
        for (ProviderAdapter adapter : adapters) {
            ProviderAdapter previous = map.putIfAbsent(adapter.kind(), adapter);
            if (previous != null) {
                throw new IllegalStateException("duplicate provider kind '" + adapter.kind() + "': "
                        + previous.getClass().getName() + " and " + adapter.getClass().getName()
                        + " (expected each kind to be registered once)");
            }
        }
        this.byKind = Collections.unmodifiableMap(map);
    }

    public Optional<ProviderAdapter> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The registered kinds, sorted. */
    public Set<String> kinds() {
        return byKind.keySet();
    }
}
