package dev.switchboard.policy.routes;

import dev.switchboard.contracts.config.ConfigException;
import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.ModelRoute;
import dev.switchboard.contracts.config.RouteDefinitions;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.RouteDefinition;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.web.ApiException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Defines and removes API routes. A definition is read with the config parser against the providers
 * {@code switchboard.yaml} declares (400 naming each problem with its path); the routes its rules name must be
 * models of the file or other API routes. Names the file uses (models and aliases) are the file's (409).
 */
public final class RouteService {

    private final RouteRepository routes;
    private final AliasRepository aliases;
    private final ConfigFile config;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public RouteService(RouteRepository routes, AliasRepository aliases, ConfigFile config, Outbox outbox,
                        TransactionTemplate transactions) {
        this.routes = routes;
        this.aliases = aliases;
        this.config = config;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public RouteDefinition put(String name, String definitionJson) {
        SwitchboardConfig file = config.current();
        requireNotFileName(file, name);
        ModelRoute route = read(file, name, definitionJson);
        return transactions.execute(tx -> {
            outbox.lock();
            aliases.lock(name).ifPresent(alias -> {
                throw ApiException.conflict("name_taken", "'" + name + "' is already an alias (of '" + alias.target()
                        + "'); delete it first");
            });
            checkReferences(file, route);
            var definition = new RouteDefinition(name, definitionJson, Source.API);
            routes.upsert(definition);
            outbox.record(Entity.ROUTE, name, definition);
            return definition;
        });
    }

    public void delete(String name) {
        requireNotFileName(config.current(), name);
        transactions.executeWithoutResult(tx -> {
            outbox.lock();
            List<String> using = aliases.targeting(name);
            if (!using.isEmpty()) {
                throw ApiException.conflict("in_use", "route '" + name + "' is the target of aliases "
                        + String.join(", ", using) + "; delete or repoint them first");
            }
            if (!routes.delete(name)) {
                throw ApiException.notFound("no route '" + name + "'");
            }
            outbox.record(Entity.ROUTE, name, null);
        });
    }

    static void requireNotFileName(SwitchboardConfig file, String name) {
        if (file.models().containsKey(name)) {
            throw ApiException.fileManaged("model '" + name + "'");
        }
        if (file.aliases().containsKey(name)) {
            throw ApiException.fileManaged("alias '" + name + "'");
        }
    }

    private static ModelRoute read(SwitchboardConfig file, String name, String definitionJson) {
        try {
            return RouteDefinitions.read(name, definitionJson, file.providers().keySet());
        } catch (ConfigException e) {
            throw ApiException.badRequest("invalid_route", String.join("; ", e.problems()));
        }
    }

    private void checkReferences(SwitchboardConfig file, ModelRoute route) {
        List<String> named = new ArrayList<>();
        route.policy().rules().forEach(rule -> named.add(rule.route()));
        if (route.policy().defaultRoute() != null) {
            named.add(route.policy().defaultRoute());
        }
        for (String target : named) {
            if (target.equals(route.name())) {
                throw ApiException.badRequest("invalid_route", route.name() + ": a route may not name itself");
            }
            if (!file.models().containsKey(target) && routes.find(target).isEmpty()) {
                throw ApiException.badRequest("invalid_route", route.name() + ": unknown route '" + target
                        + "' (expected a model of switchboard.yaml or a route of the API)");
            }
        }
    }
}
