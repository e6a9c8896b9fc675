package dev.switchboard.router.routing;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.config.ModelRoute;
import dev.switchboard.contracts.config.ProviderConfig;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.providers.ProviderRegistry;
import dev.switchboard.providers.UpstreamTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** Builds a route's deployments from a config's providers: one adapter, upstream and catalog entry per target. */
final class Deployments {

    private final SwitchboardConfig config;
    private final ProviderRegistry registry;
    private final ModelCatalog catalog;
    private final Function<String, @Nullable String> credentials;

    Deployments(SwitchboardConfig config, ProviderRegistry registry, ModelCatalog catalog,
                Function<String, @Nullable String> credentials) {
        this.config = config;
        this.registry = registry;
        this.catalog = catalog;
        this.credentials = credentials;
    }

    /** The route for a model whose targets name providers of the config (the parser checked them). */
    Route route(ModelRoute model) {
        List<Deployment> deployments = new ArrayList<>(model.targets().size());
        for (ModelRoute.Target target : model.targets()) {
            ProviderConfig provider = config.providers().get(target.provider());
            var adapter = registry.find(provider.kind()).orElseThrow(() -> new IllegalStateException(
                    "provider kind " + provider.kind() + " passed validation but has no adapter"));
            String apiKey = provider.apiKey() != null ? provider.apiKey().value()
                    : provider.credential() != null ? credentials.apply(provider.credential()) : null;
            deployments.add(new Deployment(adapter, new UpstreamTarget(provider.name(), target.model(),
                    provider.baseUrl(), apiKey, provider.settings(), provider.timeout()), target.weight(),
                    catalog.find(provider.kind(), target.model()).orElse(null)));
        }
        return new Route(model.name(), deployments, model.fallbackOn(), model.policy());
    }
}
