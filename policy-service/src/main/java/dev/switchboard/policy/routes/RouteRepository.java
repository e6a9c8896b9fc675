package dev.switchboard.policy.routes;

import dev.switchboard.contracts.policy.RouteDefinition;
import dev.switchboard.contracts.policy.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code routes} table: routes defined through the API, each as the JSON of one {@code models:} entry. */
public final class RouteRepository {

    private static final String COLUMNS = "name, definition, source";

    private final JdbcClient jdbc;

    public RouteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<RouteDefinition> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM routes ORDER BY name").query(RouteRepository::route).list();
    }

    public Optional<RouteDefinition> find(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM routes WHERE name = ?").param(name)
                .query(RouteRepository::route).optional();
    }

    public void upsert(RouteDefinition route) {
        jdbc.sql("INSERT INTO routes (" + COLUMNS + ") VALUES (?, ?, ?) ON CONFLICT (name) "
                        + "DO UPDATE SET definition = EXCLUDED.definition, source = EXCLUDED.source")
                .params(route.name(), route.definitionJson(), route.source().name()).update();
    }

    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM routes WHERE name = ?").param(name).update() > 0;
    }

    private static RouteDefinition route(ResultSet row, int n) throws SQLException {
        return new RouteDefinition(row.getString("name"), row.getString("definition"),
                Source.valueOf(row.getString("source")));
    }
}
