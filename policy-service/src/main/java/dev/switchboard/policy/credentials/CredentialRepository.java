package dev.switchboard.policy.credentials;

import dev.switchboard.contracts.policy.SealedCredential;
import dev.switchboard.contracts.policy.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code credentials} table: sealed values only. */
public final class CredentialRepository {

    private final JdbcClient jdbc;

    public CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SealedCredential> all() {
        return jdbc.sql("SELECT name, sealed, updated_at, source FROM credentials ORDER BY name")
                .query(CredentialRepository::credential).list();
    }

    public Optional<SealedCredential> lock(String name) {
        return jdbc.sql("SELECT name, sealed, updated_at, source FROM credentials WHERE name = ? FOR UPDATE")
                .param(name).query(CredentialRepository::credential).optional();
    }

    public void upsert(SealedCredential credential) {
        jdbc.sql("INSERT INTO credentials (name, sealed, updated_at, source) VALUES (?, ?, ?, ?) ON CONFLICT (name) "
                        + "DO UPDATE SET sealed = EXCLUDED.sealed, updated_at = EXCLUDED.updated_at, "
                        + "source = EXCLUDED.source")
                .params(credential.name(), credential.sealed(), Timestamp.from(credential.updatedAt()),
                        credential.source().name())
                .update();
    }

    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM credentials WHERE name = ?").param(name).update() > 0;
    }

    private static SealedCredential credential(ResultSet row, int n) throws SQLException {
        return new SealedCredential(row.getString("name"), row.getString("sealed"),
                row.getTimestamp("updated_at").toInstant(), Source.valueOf(row.getString("source")));
    }
}
