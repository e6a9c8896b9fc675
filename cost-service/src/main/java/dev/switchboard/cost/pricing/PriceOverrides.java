package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.catalog.Price;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Admin price overrides in {@code price_overrides}, keyed by the provider name and model id a completion event
 * carries. Read on every priced event (inside its transaction), so a change applies to the next event consumed and
 * never to one already recorded.
 */
public final class PriceOverrides {

    private final JdbcClient jdbc;
    private final Clock clock;

    public PriceOverrides(JdbcClient jdbc, Clock clock) {
        this.jdbc = requireNonNull(jdbc, "jdbc");
        this.clock = requireNonNull(clock, "clock");
    }

    public Optional<Price> find(String provider, String model) {
        return findWithTime(provider, model).map(Stored::price);
    }

    /** The override with when it was last set. */
    public Optional<Stored> findWithTime(String provider, String model) {
        return jdbc.sql("""
                        SELECT input_per_mtok, output_per_mtok, cached_input_per_mtok, cache_write_per_mtok, updated_at
                        FROM price_overrides WHERE provider = :provider AND model = :model""")
                .param("provider", provider)
                .param("model", model)
                .query(PriceOverrides::stored)
                .optional();
    }

    /** Inserts or replaces the override and returns it as stored. */
    public Stored put(String provider, String model, Price price) {
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO price_overrides (provider, model, input_per_mtok, output_per_mtok,
                                                     cached_input_per_mtok, cache_write_per_mtok, updated_at)
                        VALUES (:provider, :model, :input, :output, :cached, :cacheWrite, :now)
                        ON CONFLICT (provider, model) DO UPDATE SET
                            input_per_mtok = EXCLUDED.input_per_mtok, output_per_mtok = EXCLUDED.output_per_mtok,
                            cached_input_per_mtok = EXCLUDED.cached_input_per_mtok,
                            cache_write_per_mtok = EXCLUDED.cache_write_per_mtok, updated_at = EXCLUDED.updated_at""")
                .param("provider", provider)
                .param("model", model)
                .param("input", price.input())
                .param("output", price.output())
                .param("cached", price.cachedInput(), Types.NUMERIC)
                .param("cacheWrite", price.cacheWrite(), Types.NUMERIC)
                .param("now", Timestamp.from(now))
                .update();
        return new Stored(price, now);
    }

    /** Removes the override; {@code false} when there was none. */
    public boolean delete(String provider, String model) {
        return jdbc.sql("DELETE FROM price_overrides WHERE provider = :provider AND model = :model")
                .param("provider", provider)
                .param("model", model)
                .update() > 0;
    }

    private static Stored stored(ResultSet rs, int row) throws SQLException {
        Price price = new Price(exact(rs.getBigDecimal(1)), exact(rs.getBigDecimal(2)), exact(rs.getBigDecimal(3)),
                exact(rs.getBigDecimal(4)));
        return new Stored(price, rs.getTimestamp(5).toInstant());
    }

    /** An override and when it was set. */
    public record Stored(Price price, Instant updatedAt) {
        public Stored {
            requireNonNull(price, "price");
            requireNonNull(updatedAt, "updatedAt");
        }
    }

    /** The stored value without the trailing zeros PostgreSQL may add, so equal prices compare equal. */
    private static @Nullable BigDecimal exact(@Nullable BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
