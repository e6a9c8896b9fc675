package dev.switchboard.policy.teams;

import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.RequestLogPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policy.store.Jsonb;
import dev.switchboard.policy.store.Limits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code teams} table. */
public final class TeamRepository {

    private static final String COLUMNS = "id, org, name, models::text AS models, data_class, rpm, tpm, "
            + "budgets::text AS budgets, source, request_log_bodies, request_log_retention_days";

    private final JdbcClient jdbc;

    public TeamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TeamPolicy> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM teams ORDER BY id").query(TeamRepository::team).list();
    }

    public Optional<TeamPolicy> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM teams WHERE id = ?").param(id).query(TeamRepository::team)
                .optional();
    }

    /** Finds a team and locks its row for the rest of the transaction. */
    public Optional<TeamPolicy> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM teams WHERE id = ? FOR UPDATE").param(id)
                .query(TeamRepository::team).optional();
    }

    public void upsert(TeamPolicy team) {
        jdbc.sql("INSERT INTO teams (id, org, name, models, data_class, rpm, tpm, budgets, source, "
                        + "request_log_bodies, request_log_retention_days) "
                        + "VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                        + "org = EXCLUDED.org, name = EXCLUDED.name, models = EXCLUDED.models, "
                        + "data_class = EXCLUDED.data_class, rpm = EXCLUDED.rpm, tpm = EXCLUDED.tpm, "
                        + "budgets = EXCLUDED.budgets, source = EXCLUDED.source, "
                        + "request_log_bodies = EXCLUDED.request_log_bodies, "
                        + "request_log_retention_days = EXCLUDED.request_log_retention_days")
                .params(team.id(), team.org(), team.name(), Jsonb.write(team.models().stream().sorted().toList()),
                        team.dataClass().label(), team.limits().requestsPerMinute(), team.limits().tokensPerMinute(),
                        Jsonb.write(team.budgets()), team.source().name(), team.requestLog().bodies(),
                        team.requestLog().retentionDays())
                .update();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM teams WHERE id = ?").param(id).update() > 0;
    }

    private static TeamPolicy team(ResultSet row, int n) throws SQLException {
        return new TeamPolicy(row.getString("id"), row.getString("org"), row.getString("name"),
                Jsonb.names(row.getString("models")), DataClass.parse(row.getString("data_class")), Limits.read(row),
                Jsonb.budgets(row.getString("budgets")), Source.valueOf(row.getString("source")),
                new RequestLogPolicy(row.getBoolean("request_log_bodies"), row.getInt("request_log_retention_days")));
    }
}
