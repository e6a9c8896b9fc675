package dev.switchboard.cost.latency;

import dev.switchboard.cost.web.DateRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/latency?from=&to=}: per provider and model, over the upstream attempts of requests in an inclusive
 * range of UTC days. Attempts, not requests, so a provider's failures count against it even when a fallback then
 * answered. Cancelled attempts (race losers) are left out: they say nothing about the provider. {@code count} is
 * succeeded plus failed attempts, {@code errorRate} the failed share; latency percentiles are over succeeded
 * attempts, first-token percentiles over succeeded attempts that produced output ({@code percentile_cont}, so
 * interpolated). A percentile is null when there is nothing to measure.
 */
@RestController
public class LatencyEndpoint {

    private final JdbcClient jdbc;
    private final Clock clock;

    public LatencyEndpoint(JdbcClient jdbc, Clock costClock) {
        this.jdbc = jdbc;
        this.clock = costClock;
    }

    public record ModelLatency(String provider, String model, long count, long errors, double errorRate,
                               @Nullable Double p50LatencyMs, @Nullable Double p95LatencyMs,
                               @Nullable Double p50FirstTokenMs, @Nullable Double p95FirstTokenMs) {}

    public record LatencyReport(LocalDate from, LocalDate to, List<ModelLatency> models) {}

    @GetMapping("/v1/latency")
    LatencyReport latency(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to) {
        DateRange range = DateRange.of(from, to, clock);
        List<ModelLatency> models = jdbc.sql("""
                        WITH a AS (
                            SELECT x->>'provider' AS provider, x->>'model' AS model, x->>'outcome' AS outcome,
                                   (x->>'latencyMs')::bigint AS latency_ms, (x->>'firstTokenMs')::bigint AS first_token_ms
                            FROM completions c CROSS JOIN LATERAL jsonb_array_elements(c.attempts) x
                            WHERE c.time >= :start AND c.time < :end AND x->>'outcome' <> 'CANCELLED')
                        SELECT provider, model, count(*), count(*) FILTER (WHERE outcome = 'FAILED'),
                            percentile_cont(0.5) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'SUCCEEDED'),
                            percentile_cont(0.95) WITHIN GROUP (ORDER BY latency_ms) FILTER (WHERE outcome = 'SUCCEEDED'),
                            percentile_cont(0.5) WITHIN GROUP (ORDER BY first_token_ms)
                                FILTER (WHERE outcome = 'SUCCEEDED' AND first_token_ms >= 0),
                            percentile_cont(0.95) WITHIN GROUP (ORDER BY first_token_ms)
                                FILTER (WHERE outcome = 'SUCCEEDED' AND first_token_ms >= 0)
                        FROM a GROUP BY provider, model ORDER BY provider, model""")
                .param("start", range.startInclusive())
                .param("end", range.endExclusive())
                .query(LatencyEndpoint::row)
                .list();
        return new LatencyReport(range.from(), range.to(), models);
    }

    private static ModelLatency row(ResultSet rs, int row) throws SQLException {
        long count = rs.getLong(3);
        long errors = rs.getLong(4);
        return new ModelLatency(rs.getString(1), rs.getString(2), count, errors,
                count == 0 ? 0 : (double) errors / count, nullableDouble(rs, 5), nullableDouble(rs, 6),
                nullableDouble(rs, 7), nullableDouble(rs, 8));
    }

    private static @Nullable Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
