package dev.switchboard.router.routing;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.config.ConfigException;
import dev.switchboard.contracts.config.ModelRoute;
import dev.switchboard.contracts.config.ProviderConfig;
import dev.switchboard.contracts.config.RouteDefinitions;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.RouteDefinition;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.providers.ProviderRegistry;
import dev.switchboard.router.policy.Caller;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model names to routes, built once per config version (and per policy change when providers take stored
 * credentials or the policy service's aliases and routes change) so the hot path only does map lookups. A name is
 * looked up in this order: the file's models, the file's aliases, the API's routes, the API's aliases; an entry
 * whose name an earlier one took is left out.
 */
public final class RoutingTable {

    private static final Logger log = LoggerFactory.getLogger(RoutingTable.class);

    private final Map<String, Route> routes;
    private final Map<String, String> aliases;
    private final Map<String, ProviderConfig> providers;
    private final long configVersion;

    private RoutingTable(Map<String, Route> routes, Map<String, String> aliases, Map<String, ProviderConfig> providers,
                         long configVersion) {
        this.routes = routes;
        this.aliases = aliases;
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
        return build(config, registry, catalog, credentials, ApiRoutes.NONE);
    }

    /**
     * With the policy service's aliases and routes. An API route that cannot be built here (a provider this file
     * does not declare, a rule naming an unknown route) is left out with a warning; it never breaks the table.
     */
    public static RoutingTable build(SwitchboardConfig config, ProviderRegistry registry, ModelCatalog catalog,
                                     Function<String, @Nullable String> credentials, ApiRoutes api) {
        var deployments = new Deployments(config, registry, catalog, credentials);
        Map<String, Route> routes = new LinkedHashMap<>();
        for (ModelRoute model : config.models().values()) {
            routes.put(model.name(), deployments.route(model));
        }
        Map<String, String> aliases = new LinkedHashMap<>(config.aliases());
        List<String> fromApi = new ArrayList<>();
        api.routes().stream().sorted(Comparator.comparing(RouteDefinition::name)).forEach(definition -> {
            Route route = apiRoute(definition, config, deployments, aliases);
            if (route != null) {
                routes.put(route.name(), route);
                fromApi.add(route.name());
            }
        });
        dropDanglingRules(routes, fromApi);
        api.aliases().stream().sorted(Comparator.comparing(ModelAlias::alias))
                .filter(alias -> usable(alias, routes, aliases))
                .forEach(alias -> aliases.put(alias.alias(), alias.target()));
        return new RoutingTable(routes, java.util.Collections.unmodifiableMap(aliases), config.providers(),
                config.stamp().version());
    }

    private static @Nullable Route apiRoute(RouteDefinition definition, SwitchboardConfig config,
                                            Deployments deployments, Map<String, String> fileAliases) {
        String name = definition.name();
        if (config.models().containsKey(name) || fileAliases.containsKey(name)) {
            log.warn("route '{}' from the policy service is left out: switchboard.yaml names a model or alias '{}'",
                    name, name);
            return null;
        }
        try {
            return deployments.route(RouteDefinitions.read(name, definition.definitionJson(),
                    config.providers().keySet()));
        } catch (ConfigException | IllegalArgumentException | IllegalStateException e) {
            String problem = e instanceof ConfigException c ? String.join("; ", c.problems()) : e.getMessage();
            log.warn("route '{}' from the policy service is left out: {}", name, problem);
            return null;
        }
    }

    /** API routes whose rules name a route this table does not hold would fail every call: leave them out. */
    private static void dropDanglingRules(Map<String, Route> routes, List<String> fromApi) {
        for (String name : fromApi) {
            Route route = routes.get(name);
            List<String> named = new ArrayList<>();
            route.policy().rules().forEach(rule -> named.add(rule.route()));
            if (route.policy().defaultRoute() != null) {
                named.add(route.policy().defaultRoute());
            }
            named.stream().filter(target -> !routes.containsKey(target)).findFirst().ifPresent(target -> {
                log.warn("route '{}' from the policy service is left out: its rules name unknown route '{}'", name,
                        target);
                routes.remove(name);
            });
        }
    }

    private static boolean usable(ModelAlias alias, Map<String, Route> routes, Map<String, String> aliases) {
        boolean api = alias.source() == Source.API;
        if (routes.containsKey(alias.alias()) || aliases.containsKey(alias.alias())) {
            if (api && !alias.target().equals(aliases.get(alias.alias()))) {
                log.warn("alias '{}' from the policy service is left out: a model, route or file alias has that name",
                        alias.alias());
            }
            return false;
        }
        if (!routes.containsKey(alias.target())) {
            log.warn("alias '{}' from the policy service is left out: its target '{}' is not a route here",
                    alias.alias(), alias.target());
            return false;
        }
        return true;
    }

    /**
     * The route for {@code model} (a route's name or an alias of one) if the caller may use it; 403 when its key or
     * team may not (for an alias, a list naming the alias or its target admits it), 404 when unknown.
     */
    public Route resolve(String model, Caller caller) {
        Route route = routes.get(model);
        if (route != null) {
            caller.checkModel(model);
            return route;
        }
        String target = aliases.get(model);
        if (target == null) {
            throw new GatewayException(ErrorCategory.MODEL_NOT_FOUND, "The model '" + model
                    + "' does not exist or you do not have access to it. GET /v1/models lists the models you can use.");
        }
        caller.checkModel(model, target);
        return routes.get(target);
    }

    /** The routes and aliases the caller may use; an alias is listed as its target's route under the alias's name. */
    public List<Route> visibleTo(Caller caller) {
        List<Route> out = new ArrayList<>();
        routes.values().stream().filter(route -> caller.allows(route.name())).forEach(out::add);
        aliases.forEach((alias, target) -> {
            Route route = routes.get(target);
            if (caller.allows(alias, target)) {
                out.add(new Route(alias, route.deployments(), route.fallbackOn(), route.policy()));
            }
        });
        return out;
    }

    /** A configured provider by name. */
    public @Nullable ProviderConfig provider(String name) {
        return providers.get(name);
    }

    /** A route by its own name (aliases are not followed: rules name routes). */
    public Optional<Route> find(String model) {
        return Optional.ofNullable(routes.get(model));
    }

    public long configVersion() {
        return configVersion;
    }
}
