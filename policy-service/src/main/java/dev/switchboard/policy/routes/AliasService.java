package dev.switchboard.policy.routes;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.web.ApiException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sets and removes API aliases. The target must be a model of {@code switchboard.yaml} or an API route (aliases do
 * not chain); names the file uses are the file's (409), and so are the aliases it declares.
 */
public final class AliasService {

    private final AliasRepository aliases;
    private final RouteRepository routes;
    private final ConfigFile config;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public AliasService(AliasRepository aliases, RouteRepository routes, ConfigFile config, Outbox outbox,
                        TransactionTemplate transactions) {
        this.aliases = aliases;
        this.routes = routes;
        this.config = config;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public ModelAlias put(String name, String target) {
        if (target.isBlank()) {
            throw ApiException.badRequest("invalid_alias", "target is required (a model or route name)");
        }
        SwitchboardConfig file = config.current();
        RouteService.requireNotFileName(file, name);
        return transactions.execute(tx -> {
            outbox.lock();
            requireApiManaged(name);
            if (routes.find(name).isPresent()) {
                throw ApiException.conflict("name_taken", "'" + name + "' is already a route; delete it first");
            }
            if (!file.models().containsKey(target) && routes.find(target).isEmpty()) {
                throw ApiException.badRequest("unknown_target", "alias '" + name + "': unknown model or route '"
                        + target + "' (expected a model of switchboard.yaml or a route of the API; aliases do not chain)");
            }
            var alias = new ModelAlias(name, target, Source.API);
            aliases.upsert(alias);
            outbox.record(Entity.ALIAS, name, alias);
            return alias;
        });
    }

    public void delete(String name) {
        transactions.executeWithoutResult(tx -> {
            outbox.lock();
            requireApiManaged(name);
            if (!aliases.delete(name)) {
                throw ApiException.notFound("no alias '" + name + "'");
            }
            outbox.record(Entity.ALIAS, name, null);
        });
    }

    private void requireApiManaged(String name) {
        aliases.lock(name).filter(alias -> alias.source() == Source.FILE).ifPresent(alias -> {
            throw ApiException.fileManaged("alias '" + name + "'");
        });
    }
}
