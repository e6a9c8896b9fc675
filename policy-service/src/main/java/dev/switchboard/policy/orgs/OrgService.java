package dev.switchboard.policy.orgs;

import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.web.ApiException;
import dev.switchboard.policy.web.Settings;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates, replaces and deletes organisations; each change and its outbox row commit together. */
public final class OrgService {

    /** The organisation teams belong to when they name none. */
    public static final String DEFAULT_ORG = "default";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final OrgRepository orgs;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public OrgService(OrgRepository orgs, Outbox outbox, TransactionTemplate transactions) {
        this.orgs = orgs;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public OrgPolicy create(OrgSettings settings) {
        String name = requireName(settings.name());
        Settings.requireOneBudgetPerPeriod(settings.budgets());
        return transactions.execute(tx -> {
            outbox.lock();
            if (orgs.find(name).isPresent()) {
                throw ApiException.conflict("already_exists", "organisation '" + name + "' already exists");
            }
            return save(new OrgPolicy(name, name, settings.budgets(), Source.API));
        });
    }

    /** Creates the organisation or replaces its budgets. */
    public OrgPolicy put(String name, OrgSettings settings) {
        requireName(name);
        if (settings.name() != null && !Objects.equals(settings.name(), name)) {
            throw ApiException.badRequest("name_mismatch", "the body names organisation '" + settings.name()
                    + "' but the path names '" + name + "'");
        }
        Settings.requireOneBudgetPerPeriod(settings.budgets());
        return transactions.execute(tx -> {
            outbox.lock();
            orgs.lock(name).ifPresent(OrgService::requireApiManaged);
            return save(new OrgPolicy(name, name, settings.budgets(), Source.API));
        });
    }

    public void delete(String name) {
        transactions.executeWithoutResult(tx -> {
            outbox.lock();
            OrgPolicy current = orgs.lock(name)
                    .orElseThrow(() -> ApiException.notFound("organisation '" + name + "' not found"));
            requireApiManaged(current);
            if (DEFAULT_ORG.equals(name)) {
                throw ApiException.conflict("built_in", "organisation '" + DEFAULT_ORG
                        + "' is built in (teams that name no organisation belong to it); it cannot be deleted");
            }
            long teams = orgs.teams(name);
            if (teams > 0) {
                throw ApiException.conflict("org_has_teams", "organisation '" + name + "' still has " + teams
                        + " teams; move or delete them first");
            }
            orgs.delete(name);
            outbox.record(Entity.ORG, name, null);
        });
    }

    private OrgPolicy save(OrgPolicy org) {
        orgs.upsert(org);
        PolicyChange change = outbox.record(Entity.ORG, org.id(), org);
        return (OrgPolicy) change.body();
    }

    private static String requireName(@Nullable String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid_name", "organisation names are lower-case letters, digits, '.', '_'"
                    + " and '-' (at most 63)");
        }
        return name;
    }

    private static void requireApiManaged(OrgPolicy org) {
        if (org.source() == Source.FILE) {
            throw ApiException.fileManaged("organisation '" + org.id() + "'");
        }
    }
}
