package dev.switchboard.policy.providers;

import dev.switchboard.contracts.policy.ProviderDataPolicy;
import dev.switchboard.contracts.policy.Source;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code provider_policies} table: overrides of the built-in data policies, by provider name or kind. */
public final class ProviderPolicyRepository {

    private static final String COLUMNS = "provider, retention_days, trains_on_data, zero_retention, region, source";

    private final JdbcClient jdbc;

    public ProviderPolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProviderDataPolicy> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_policies ORDER BY provider")
                .query(ProviderPolicyRepository::policy).list();
    }

    public Optional<ProviderDataPolicy> lock(String provider) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM provider_policies WHERE provider = ? FOR UPDATE").param(provider)
                .query(ProviderPolicyRepository::policy).optional();
    }

    public void upsert(ProviderDataPolicy policy) {
        jdbc.sql("INSERT INTO provider_policies (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (provider) "
                        + "DO UPDATE SET retention_days = EXCLUDED.retention_days, "
                        + "trains_on_data = EXCLUDED.trains_on_data, zero_retention = EXCLUDED.zero_retention, "
                        + "region = EXCLUDED.region, source = EXCLUDED.source")
                .params(policy.provider(), policy.retentionDays(), policy.trainsOnData(), policy.zeroRetention(),
                        policy.region(), policy.source().name())
                .update();
    }

    public boolean delete(String provider) {
        return jdbc.sql("DELETE FROM provider_policies WHERE provider = ?").param(provider).update() > 0;
    }

    private static ProviderDataPolicy policy(ResultSet row, int n) throws SQLException {
        int days = row.getInt("retention_days");
        Integer retention = row.wasNull() ? null : days;
        return new ProviderDataPolicy(row.getString("provider"), retention, row.getBoolean("trains_on_data"),
                row.getBoolean("zero_retention"), row.getString("region"), Source.valueOf(row.getString("source")));
    }
}
