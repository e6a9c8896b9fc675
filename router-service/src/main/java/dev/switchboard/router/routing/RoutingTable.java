package dev.switchboard.router.routing;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.config.ModelRoute;
import dev.switchboard.contracts.config.ProviderConfig;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.ProviderRegistry;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.router.policy.Caller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Model names to routes, built once per config version (and per policy change when providers take stored
 * credentials) so the hot path only does a map lookup.
 */
public final class RoutingTable {

    private final Map<String, Route> routes;
    private final Map<String, ProviderConfig> providers;
    private final long configVersion;

    private RoutingTable(Map<String, Route> routes, Map<String, ProviderConfig> providers, long configVersion) {
        this.routes = routes;
        this.providers = providers;
        this.configVersion = configVersion;
    }

    public static RoutingTable build(SwitchboardConfig config, ProviderRegistry registry) {
        return build(config, registry, ModelCatalog.builtIn());
    }

    public static RoutingTable build(SwitchboardConfig config, ProviderRegistry registry, ModelCatalog catalog) {
        return build(config, registry, catalog, name -> null);
    }

    /**
     * @param credentials opens a stored provider credential by name ({@code api-key: credential:<name>})
     */
    public static RoutingTable build(SwitchboardConfig config, ProviderRegistry registry, ModelCatalog catalog,
                                     Function<String, @Nullable String> credentials) {
        Map<String, Route> routes = new LinkedHashMap<>();
        for (ModelRoute model : config.models().values()) {
            List<Deployment> deployments = new ArrayList<>(model.targets().size());
            for (ModelRoute.Target target : model.targets()) {
                ProviderConfig provider = config.providers().get(target.provider());
                var adapter = registry.find(provider.kind()).orElseThrow(() -> new IllegalStateException(
                        "provider kind " + provider.kind() + " passed validation but has no adapter"));
                String apiKey = provider.apiKey() != null ? provider.apiKey().value()
                        : provider.credential() != null ? credentials.apply(provider.credential()) : null;
                deployments.add(new Deployment(adapter, new UpstreamTarget(provider.name(), target.model(),
                        provider.baseUrl(), apiKey,
                        provider.settings(), provider.timeout()), target.weight(),
                        catalog.find(provider.kind(), target.model()).orElse(null)));
            }
            routes.put(model.name(), new Route(model.name(), deployments, model.fallbackOn(), model.policy()));
        }
        return new RoutingTable(routes, config.providers(), config.stamp().version());
    }

    /** The route for {@code model} if the caller may use it; 403 when its key or team may not, 404 when unknown. */
    public Route resolve(String model, Caller caller) {
        Route route = routes.get(model);
        if (route == null) {
            throw new GatewayException(ErrorCategory.MODEL_NOT_FOUND, "The model '" + model
                    + "' does not exist or you do not have access to it. GET /v1/models lists the models you can use.");
        }
        caller.checkModel(model);
        return route;
    }

    public List<Route> visibleTo(Caller caller) {
        return routes.values().stream().filter(route -> caller.allows(route.name())).toList();
    }

    /** A configured provider by name. */
    public @Nullable ProviderConfig provider(String name) {
        return providers.get(name);
    }

    public Optional<Route> find(String model) {
        return Optional.ofNullable(routes.get(model));
    }

    public long configVersion() {
        return configVersion;
    }
}
