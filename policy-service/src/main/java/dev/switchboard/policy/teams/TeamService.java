package dev.switchboard.policy.teams;

import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.RequestLogPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policy.orgs.OrgRepository;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.web.ApiException;
import dev.switchboard.policy.web.Settings;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates, replaces and deletes teams; each change and its outbox row commit together. */
public final class TeamService {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final TeamRepository teams;
    private final OrgRepository orgs;
    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public TeamService(TeamRepository teams, OrgRepository orgs, JdbcClient jdbc, Outbox outbox,
                       TransactionTemplate transactions) {
        this.teams = teams;
        this.orgs = orgs;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    public TeamPolicy create(TeamSettings settings) {
        Settings.requireOneBudgetPerPeriod(settings.budgets());
        RequestLogPolicy requestLog = settings.requestLogPolicy();
        String name = settings.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid_name", "team names are lower-case letters, digits, '.', '_' and '-'"
                    + " (at most 63), starting with a letter or digit");
        }
        return transactions.execute(tx -> {
            outbox.lock();
            if (teams.find(name).isPresent()) {
                throw ApiException.conflict("already_exists", "team '" + name + "' already exists");
            }
            return save(new TeamPolicy(name, requireOrg(settings.org()), name, settings.models(), settings.dataClass(),
                    settings.limits(), settings.budgets(), Source.API, requestLog));
        });
    }

    public TeamPolicy replace(String id, TeamSettings settings) {
        Settings.requireOneBudgetPerPeriod(settings.budgets());
        RequestLogPolicy requestLog = settings.requestLogPolicy();
        return transactions.execute(tx -> {
            outbox.lock();
            TeamPolicy current = teams.lock(id).orElseThrow(() -> ApiException.notFound("team '" + id + "' not found"));
            requireApiManaged(current);
            return save(new TeamPolicy(id, requireOrg(settings.org()), current.name(), settings.models(),
                    settings.dataClass(), settings.limits(), settings.budgets(), Source.API, requestLog));
        });
    }

    public void delete(String id) {
        transactions.executeWithoutResult(tx -> {
            outbox.lock();
            TeamPolicy current = teams.lock(id).orElseThrow(() -> ApiException.notFound("team '" + id + "' not found"));
            requireApiManaged(current);
            long active = jdbc.sql("SELECT count(*) FROM keys WHERE team = ? AND revoked_at IS NULL").param(id)
                    .query(Long.class).single();
            if (active > 0) {
                throw ApiException.conflict("team_has_keys", "team '" + id + "' still has " + active
                        + " active keys; revoke them first");
            }
            teams.delete(id);
            outbox.record(Entity.TEAM, id, null);
        });
    }

    private TeamPolicy save(TeamPolicy team) {
        teams.upsert(team);
        PolicyChange change = outbox.record(Entity.TEAM, team.id(), team);
        return (TeamPolicy) change.body();
    }

    private String requireOrg(String org) {
        if (!orgs.exists(org)) {
            throw ApiException.badRequest("unknown_org", "organisation '" + org + "' does not exist");
        }
        return org;
    }

    private static void requireApiManaged(TeamPolicy team) {
        if (team.source() == Source.FILE) {
            throw ApiException.fileManaged("team '" + team.id() + "'");
        }
    }
}
