package dev.switchboard.cost.spend;

import dev.switchboard.cost.web.CallerScope;
import dev.switchboard.cost.web.DateRange;
import dev.switchboard.cost.web.Money;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
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
 * {@code GET /v1/spend?from=&to=&groupBy=}: totals per key, team, model, provider, feature tag or day over an
 * inclusive range of UTC days, from the daily aggregates. Groups are ordered by cost, highest first ({@code day}:
 * by date). A group whose value is unknown (no team, no served provider, no feature tag) has {@code "group": null}.
 */
@RestController
public class SpendEndpoint {

    private final JdbcClient jdbc;
    private final Clock clock;

    public SpendEndpoint(JdbcClient jdbc, Clock costClock) {
        this.jdbc = jdbc;
        this.clock = costClock;
    }

    /**
     * One group's totals. Tokens are the served attempts' (OpenAI convention: input includes cached and cache-write,
     * output includes reasoning); {@code costUsd} includes billed race losers and leaves out {@code unpricedRequests}.
     */
    public record Totals(@Nullable String group, long requests, long errors, long inputTokens, long outputTokens,
                         long cachedInputTokens, long cacheWriteTokens, long reasoningTokens, long totalTokens,
                         String costUsd, long unpricedRequests) {}

    public record SpendReport(LocalDate from, LocalDate to, String groupBy, List<Totals> groups, Totals total) {}

    @GetMapping("/v1/spend")
    SpendReport spend(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
                      @RequestParam(defaultValue = "day") String groupBy, HttpServletRequest request) {
        DateRange range = DateRange.of(from, to, clock);
        SpendGrouping grouping = SpendGrouping.parse(groupBy);
        String column = grouping.column();
        String order = grouping == SpendGrouping.DAY ? "group_value" : "sum(cost_usd) DESC, group_value";
        // The column comes from the enum, never from the request.
        // A team admin or viewer sees their own team's spend only.
        String team = CallerScope.of(request).team();
        String where = " FROM spend_daily WHERE day BETWEEN :from AND :to" + (team == null ? "" : " AND team = :team");
        List<Totals> groups = scoped(jdbc.sql("SELECT " + column + "::text AS group_value, " + SUMS + where
                        + " GROUP BY " + column + " ORDER BY " + order), range, team)
                .query(SpendEndpoint::totals)
                .list();
        Totals total = scoped(jdbc.sql("SELECT NULL AS group_value, " + SUMS + where), range, team)
                .query(SpendEndpoint::totals)
                .single();
        return new SpendReport(range.from(), range.to(), grouping.name().toLowerCase(), groups, total);
    }

    private static JdbcClient.StatementSpec scoped(JdbcClient.StatementSpec sql, DateRange range, @Nullable String team) {
        var bound = sql.param("from", range.from()).param("to", range.to());
        return team == null ? bound : bound.param("team", team);
    }

    private static final String SUMS = """
            coalesce(sum(requests), 0), coalesce(sum(errors), 0), coalesce(sum(input_tokens), 0),
            coalesce(sum(output_tokens), 0), coalesce(sum(cached_input_tokens), 0), coalesce(sum(cache_write_tokens), 0),
            coalesce(sum(reasoning_tokens), 0), coalesce(sum(cost_usd), 0), coalesce(sum(unpriced_requests), 0)""";

    private static Totals totals(ResultSet rs, int row) throws SQLException {
        String group = rs.getString(1);
        long input = rs.getLong(4);
        long output = rs.getLong(5);
        BigDecimal cost = rs.getBigDecimal(9);
        return new Totals(group == null || group.isEmpty() ? null : group, rs.getLong(2), rs.getLong(3), input, output,
                rs.getLong(6), rs.getLong(7), rs.getLong(8), input + output, Money.usd(cost), rs.getLong(10));
    }
}
