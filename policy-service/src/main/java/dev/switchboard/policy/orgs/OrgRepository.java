package dev.switchboard.policy.orgs;

import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.store.Jsonb;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code orgs} table; {@code default} is seeded by the first migration. */
public final class OrgRepository {

    private static final String COLUMNS = "name, budgets::text AS budgets, source";

    private final JdbcClient jdbc;

    public OrgRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OrgPolicy> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orgs ORDER BY name").query(OrgRepository::org).list();
    }

    public Optional<OrgPolicy> find(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orgs WHERE name = ?").param(name).query(OrgRepository::org)
                .optional();
    }

    /** Finds an organisation and locks its row for the rest of the transaction. */
    public Optional<OrgPolicy> lock(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM orgs WHERE name = ? FOR UPDATE").param(name)
                .query(OrgRepository::org).optional();
    }

    public boolean exists(String name) {
        return jdbc.sql("SELECT count(*) FROM orgs WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    /** Adds an organisation without budgets, managed by the API; returns it when it was new. */
    public Optional<OrgPolicy> add(String name) {
        OrgPolicy org = new OrgPolicy(name, name, List.of(), Source.API);
        boolean added = jdbc.sql("INSERT INTO orgs (name, budgets, source) VALUES (?, '[]', ?) ON CONFLICT DO NOTHING")
                .params(name, org.source().name()).update() > 0;
        return added ? Optional.of(org) : Optional.empty();
    }

    public void upsert(OrgPolicy org) {
        jdbc.sql("INSERT INTO orgs (name, budgets, source) VALUES (?, ?::jsonb, ?) ON CONFLICT (name) DO UPDATE SET "
                        + "budgets = EXCLUDED.budgets, source = EXCLUDED.source")
                .params(org.id(), Jsonb.write(org.budgets()), org.source().name())
                .update();
    }

    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM orgs WHERE name = ?").param(name).update() > 0;
    }

    /** How many teams belong to the organisation. */
    public long teams(String name) {
        return jdbc.sql("SELECT count(*) FROM teams WHERE org = ?").param(name).query(Long.class).single();
    }

    private static OrgPolicy org(ResultSet row, int n) throws SQLException {
        String name = row.getString("name");
        return new OrgPolicy(name, name, Jsonb.budgets(row.getString("budgets")), Source.valueOf(row.getString("source")));
    }
}
