package dev.switchboard.policy.routes;

import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code aliases} table: model aliases from switchboard.yaml ({@code FILE}) and the API. */
public final class AliasRepository {

    private static final String COLUMNS = "alias, target, source";

    private final JdbcClient jdbc;

    public AliasRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ModelAlias> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM aliases ORDER BY alias").query(AliasRepository::alias).list();
    }

    public Optional<ModelAlias> find(String alias) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM aliases WHERE alias = ?").param(alias)
                .query(AliasRepository::alias).optional();
    }

    public Optional<ModelAlias> lock(String alias) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM aliases WHERE alias = ? FOR UPDATE").param(alias)
                .query(AliasRepository::alias).optional();
    }

    /** The API aliases that name {@code target}. */
    public List<String> targeting(String target) {
        return jdbc.sql("SELECT alias FROM aliases WHERE target = ? ORDER BY alias").param(target)
                .query(String.class).list();
    }

    public void upsert(ModelAlias alias) {
        jdbc.sql("INSERT INTO aliases (" + COLUMNS + ") VALUES (?, ?, ?) ON CONFLICT (alias) "
                        + "DO UPDATE SET target = EXCLUDED.target, source = EXCLUDED.source")
                .params(alias.alias(), alias.target(), alias.source().name()).update();
    }

    public boolean delete(String alias) {
        return jdbc.sql("DELETE FROM aliases WHERE alias = ?").param(alias).update() > 0;
    }

    private static ModelAlias alias(ResultSet row, int n) throws SQLException {
        return new ModelAlias(row.getString("alias"), row.getString("target"), Source.valueOf(row.getString("source")));
    }
}
