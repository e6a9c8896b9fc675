package dev.switchboard.policy.keys;

import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.store.Jsonb;
import dev.switchboard.policy.store.Limits;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code keys} table: only the SHA-256 of a key and its visible prefix are stored. */
public final class KeyRepository {

    private static final String COLUMNS = "id, name, team, prefix, sha256, models::text AS models, data_class, rpm, "
            + "tpm, budgets::text AS budgets, roles::text AS roles, expires_at, revoked_at, created_at, source";

    private final JdbcClient jdbc;

    public KeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored key with the facts the policy record does not carry. */
    public record StoredKey(KeyPolicy policy, Instant createdAt, @Nullable Instant revokedAt) {}

    public List<StoredKey> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM keys ORDER BY created_at, id").query(KeyRepository::key).list();
    }

    public List<StoredKey> ofTeam(String team) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM keys WHERE team = ? ORDER BY created_at, id").param(team)
                .query(KeyRepository::key).list();
    }

    public Optional<StoredKey> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM keys WHERE id = ?").param(id).query(KeyRepository::key)
                .optional();
    }

    public Optional<StoredKey> lock(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM keys WHERE id = ? FOR UPDATE").param(id)
                .query(KeyRepository::key).optional();
    }

    /** Inserts or replaces a key; {@code revokedAt} is kept once set. */
    public void upsert(KeyPolicy key, @Nullable Instant revokedAt) {
        jdbc.sql("INSERT INTO keys (id, name, team, prefix, sha256, models, data_class, rpm, tpm, budgets, roles, "
                        + "expires_at, revoked_at, source) VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?::jsonb, "
                        + "?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, team = EXCLUDED.team, "
                        + "prefix = EXCLUDED.prefix, sha256 = EXCLUDED.sha256, models = EXCLUDED.models, "
                        + "data_class = EXCLUDED.data_class, rpm = EXCLUDED.rpm, tpm = EXCLUDED.tpm, "
                        + "budgets = EXCLUDED.budgets, roles = EXCLUDED.roles, expires_at = EXCLUDED.expires_at, "
                        + "revoked_at = COALESCE(keys.revoked_at, EXCLUDED.revoked_at), source = EXCLUDED.source")
                .params(key.id(), key.name(), key.team(), key.prefix(), key.sha256Hex(),
                        Jsonb.write(key.models().stream().sorted().toList()),
                        key.dataClass() == null ? null : key.dataClass().label(), key.limits().requestsPerMinute(),
                        key.limits().tokensPerMinute(), Jsonb.write(key.budgets()),
                        Jsonb.write(key.roles().stream().sorted().toList()), timestamp(key.expiresAt()),
                        timestamp(revokedAt), key.source().name())
                .update();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM keys WHERE id = ?").param(id).update() > 0;
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static StoredKey key(ResultSet row, int n) throws SQLException {
        String dataClass = row.getString("data_class");
        Timestamp expires = row.getTimestamp("expires_at");
        Timestamp revoked = row.getTimestamp("revoked_at");
        var policy = new KeyPolicy(row.getString("id"), row.getString("name"), row.getString("team"),
                row.getString("prefix"), row.getString("sha256"), Jsonb.names(row.getString("models")),
                dataClass == null ? null : DataClass.parse(dataClass), Limits.read(row),
                Jsonb.budgets(row.getString("budgets")), Jsonb.names(row.getString("roles")),
                expires == null ? null : expires.toInstant(), revoked != null, Source.valueOf(row.getString("source")));
        return new StoredKey(policy, row.getTimestamp("created_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }
}
