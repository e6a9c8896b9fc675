package dev.switchboard.policy.orgs;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code orgs} table; {@code default} is seeded by the first migration. */
public final class OrgRepository {

    private final JdbcClient jdbc;

    public OrgRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<String> names() {
        return jdbc.sql("SELECT name FROM orgs ORDER BY name").query(String.class).list();
    }

    public boolean exists(String name) {
        return jdbc.sql("SELECT count(*) FROM orgs WHERE name = ?").param(name).query(Long.class).single() > 0;
    }

    /** Adds an organisation; returns whether it was new. */
    public boolean add(String name) {
        return jdbc.sql("INSERT INTO orgs (name) VALUES (?) ON CONFLICT DO NOTHING").param(name).update() > 0;
    }
}
