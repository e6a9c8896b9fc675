package dev.switchboard.cost.requestlog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.switchboard.cost.web.ApiException;
import dev.switchboard.cost.web.CallerScope;
import dev.switchboard.cost.web.Money;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/requests?key=&model=&limit=}: the request log, newest first. {@code model} matches the model as
 * requested or as served; metadata only. {@code GET /v1/requests/{id}}: one request, with its prompt and answer when
 * its team keeps them and they have not expired ({@link RequestBodyRetention} deletes them later).
 */
@RestController
public class RequestLogEndpoint {

    private static final int DEFAULT_LIMIT = 50;
    private static final int MAX_LIMIT = 500;

    private static final String COLUMNS = """
            c.request_id, time, key_name, team, user_id, ingress, requested_model, stream, route, strategy,
            provider, provider_model, status, error_category, finish_reason, input_tokens, output_tokens,
            cached_input_tokens, cache_write_tokens, reasoning_tokens, cost_usd, latency_ms, first_token_ms,
            tags::text AS tags, attempts::text AS attempts, experiment_arm""";

    private final JdbcClient jdbc;

    public RequestLogEndpoint(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Token counts of the served attempt; {@code null} fields when it reported none. */
    public record Usage(@Nullable Long inputTokens, @Nullable Long outputTokens, @Nullable Long cachedInputTokens,
                        @Nullable Long cacheWriteTokens, @Nullable Long reasoningTokens) {}

    /**
     * One request. {@code costUsd} is null when a price was unknown; {@code attempts} lists every upstream call with
     * its own cost, as recorded; {@code firstTokenMs} is null when there was no output.
     */
    public record RequestEntry(String requestId, Instant time, String keyName, @Nullable String team,
                               @Nullable String user, String ingress, String requestedModel, boolean stream,
                               String route, String strategy, @Nullable String provider,
                               @Nullable String providerModel, int status, @Nullable String errorCategory,
                               @Nullable String finishReason, Usage usage, @Nullable String costUsd, long latencyMs,
                               @Nullable Long firstTokenMs, @JsonRawValue String tags, @JsonRawValue String attempts,
                               @Nullable String experimentArm) {}

    public record RequestLog(List<RequestEntry> requests) {}

    /**
     * One request's metadata and, when kept and not expired, {@code requestBody} (as received) and
     * {@code responseBody} (as sent, or a stream's assembled answer; absent when there was none), both left out
     * otherwise; {@code bodiesTruncated} when either was cut at 256 KiB; {@code bodiesExpireAt} when they go.
     */
    public record RequestDetail(@JsonUnwrapped RequestEntry request,
                                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String requestBody,
                                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String responseBody,
                                boolean bodiesTruncated,
                                @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Instant bodiesExpireAt) {}

    @GetMapping("/v1/requests/{requestId}")
    RequestDetail request(@PathVariable String requestId, HttpServletRequest http) {
        CallerScope scope = CallerScope.of(http);
        return jdbc.sql("SELECT " + COLUMNS + """
                        , b.request_body, b.response_body, coalesce(b.truncated, false) AS truncated, b.expires_at
                        FROM completions c
                        LEFT JOIN request_bodies b ON b.request_id = c.request_id AND b.expires_at > now()
                        WHERE c.request_id = :requestId""")
                .param("requestId", requestId)
                .query(RequestLogEndpoint::detail)
                .optional()
                .filter(detail -> scope.sees(detail.request().team()))
                .orElseThrow(() -> ApiException.notFound("request '" + requestId + "' not found"));
    }

    @GetMapping("/v1/requests")
    RequestLog requests(@RequestParam(required = false) @Nullable String key,
                        @RequestParam(required = false) @Nullable String model,
                        @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit, HttpServletRequest http) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.badRequest("limit is " + limit + " (expected 1 to " + MAX_LIMIT + ")");
        }
        List<String> where = new ArrayList<>();
        String team = CallerScope.of(http).team();
        if (team != null) {
            where.add("team = :team");
        }
        if (key != null) {
            where.add("key_name = :key");
        }
        if (model != null) {
            where.add("(requested_model = :model OR provider_model = :model)");
        }
        var statement = jdbc.sql("SELECT " + COLUMNS + " FROM completions c"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY time DESC, request_id DESC LIMIT :limit");
        if (team != null) {
            statement = statement.param("team", team);
        }
        if (key != null) {
            statement = statement.param("key", key);
        }
        if (model != null) {
            statement = statement.param("model", model);
        }
        return new RequestLog(statement.param("limit", limit).query(RequestLogEndpoint::entry).list());
    }

    private static RequestEntry entry(ResultSet rs, int row) throws SQLException {
        var usage = new Usage(nullableLong(rs, "input_tokens"), nullableLong(rs, "output_tokens"),
                nullableLong(rs, "cached_input_tokens"), nullableLong(rs, "cache_write_tokens"),
                nullableLong(rs, "reasoning_tokens"));
        return new RequestEntry(rs.getString("request_id"), rs.getObject("time", OffsetDateTime.class).toInstant(),
                rs.getString("key_name"), rs.getString("team"), rs.getString("user_id"), rs.getString("ingress"),
                rs.getString("requested_model"), rs.getBoolean("stream"), rs.getString("route"),
                rs.getString("strategy"), rs.getString("provider"), rs.getString("provider_model"),
                rs.getInt("status"), rs.getString("error_category"), rs.getString("finish_reason"), usage,
                Money.usd(rs.getBigDecimal("cost_usd")), rs.getLong("latency_ms"), nullableLong(rs, "first_token_ms"),
                rs.getString("tags"), rs.getString("attempts"), rs.getString("experiment_arm"));
    }

    private static RequestDetail detail(ResultSet rs, int row) throws SQLException {
        OffsetDateTime expires = rs.getObject("expires_at", OffsetDateTime.class);
        return new RequestDetail(entry(rs, row), rs.getString("request_body"), rs.getString("response_body"),
                rs.getBoolean("truncated"), expires == null ? null : expires.toInstant());
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
