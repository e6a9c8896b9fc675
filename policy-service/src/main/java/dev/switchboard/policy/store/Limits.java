package dev.switchboard.policy.store;

import dev.switchboard.contracts.policy.RateLimit;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The {@code rpm} and {@code tpm} columns, where NULL means no limit. */
public final class Limits {

    private Limits() {
    }

    public static RateLimit read(ResultSet row) throws SQLException {
        long rpm = row.getLong("rpm");
        Long requests = row.wasNull() ? null : rpm;
        long tpm = row.getLong("tpm");
        Long tokens = row.wasNull() ? null : tpm;
        return new RateLimit(requests, tokens);
    }
}
