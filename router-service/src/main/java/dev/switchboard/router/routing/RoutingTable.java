package dev.switchboard.router.routing;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.config.KeyConfig;
import dev.switchboard.contracts.config.ModelRoute;
import dev.switchboard.contracts.config.ProviderConfig;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.providers.ProviderRegistry;
import dev.switchboard.providers.UpstreamTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Model names to routes, built once per config version so the hot path only does a map lookup. Also answers
 * which models a key may use.
 */
public final class RoutingTable {

    /** How the edge names a principal made from a token: {@code token:<subject>}. */
    public static final String TOKEN_PREFIX = "token:";

    private final Map<String, Route> routes;
    private final Map<String, KeyConfig> keysByName;
    private final long configVersion;

    private RoutingTable(Map<String, Route> routes, Map<String, KeyConfig> keysByName, long configVersion) {
        this.routes = routes;
        this.keysByName = keysByName;
        this.configVersion = configVersion;
    }

    public static RoutingTable build(SwitchboardConfig config, ProviderRegistry registry) {
        return build(config, registry, ModelCatalog.builtIn());
    }

    public static RoutingTable build(SwitchboardConfig config, ProviderRegistry registry, ModelCatalog catalog) {
        Map<String, Route> routes = new LinkedHashMap<>();
        for (ModelRoute model : config.models().values()) {
            List<Deployment> deployments = new ArrayList<>(model.targets().size());
            for (ModelRoute.Target target : model.targets()) {
                ProviderConfig provider = config.providers().get(target.provider());
                var adapter = registry.find(provider.kind()).orElseThrow(() -> new IllegalStateException(
                        "provider kind " + provider.kind() + " passed validation but has no adapter"));
                deployments.add(new Deployment(adapter, new UpstreamTarget(provider.name(), target.model(),
                        provider.baseUrl(), provider.apiKey() == null ? null : provider.apiKey().value(),
                        provider.settings(), provider.timeout()), target.weight(),
                        catalog.find(provider.kind(), target.model()).orElse(null)));
            }
            routes.put(model.name(), new Route(model.name(), deployments, model.fallbackOn(), model.policy()));
        }
        Map<String, KeyConfig> keys = new LinkedHashMap<>();
        config.keysByHash().values().forEach(key -> keys.put(key.name(), key));
        return new RoutingTable(routes, keys, config.stamp().version());
    }

    /** The route for {@code model} if {@code principal} may use it; 403 when its key may not, 404 when unknown. */
    public Route resolve(String model, Principal principal) {
        KeyConfig key = key(principal);
        Route route = routes.get(model);
        if (route == null) {
            throw new GatewayException(ErrorCategory.MODEL_NOT_FOUND, "The model '" + model
                    + "' does not exist or you do not have access to it. GET /v1/models lists the models you can use.");
        }
        if (!key.allows(model)) {
            throw new GatewayException(ErrorCategory.POLICY_DENIED,
                    "key '" + key.name() + "' may not use model '" + model + "' (allowed: "
                            + String.join(", ", key.models()) + ")");
        }
        return route;
    }

    public List<Route> visibleTo(Principal principal) {
        KeyConfig key = key(principal);
        return routes.values().stream().filter(route -> key.allows(route.name())).toList();
    }

    public Optional<Route> find(String model) {
        return Optional.ofNullable(routes.get(model));
    }

    /** Whether the key the principal names is in this config version (a token's principal always is). */
    public boolean knows(Principal principal) {
        return isToken(principal) || keysByName.containsKey(principal.keyName());
    }

    /** A principal the edge made from a validated identity-provider token rather than a Switchboard key. */
    static boolean isToken(Principal principal) {
        return principal.keyName().startsWith(TOKEN_PREFIX);
    }

    public long configVersion() {
        return configVersion;
    }

    private KeyConfig key(Principal principal) {
        if (isToken(principal)) {
            return new KeyConfig(principal.keyName(), "", java.util.Set.of());
        }
        KeyConfig key = keysByName.get(principal.keyName());
        if (key == null) {
            throw new GatewayException(ErrorCategory.UNAUTHENTICATED,
                    "the key '" + principal.keyName() + "' is no longer configured");
        }
        return key;
    }
}
