package dev.switchboard.cost.ingest;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.cost.pricing.PriceBook;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a completion exactly once: the request-log row is inserted with {@code ON CONFLICT (request_id) DO NOTHING}
 * and the daily aggregates are updated only when that insert added a row, in the same transaction. A redelivered
 * event therefore changes nothing, and a crash between the two writes cannot happen. An event that carries bodies (its
 * team keeps them) also gets its {@code request_bodies} row in that transaction, expiring after the team's retention.
 */
public final class CompletionLedger {

    private static final Logger log = LoggerFactory.getLogger(CompletionLedger.class);

    /** What recording an event did. */
    public enum Outcome { RECORDED, DUPLICATE }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final PriceBook prices;
    private final String featureTag;
    private final MeterRegistry meters;
    private final Counter recorded;
    private final Counter duplicates;

    public CompletionLedger(JdbcClient jdbc, TransactionTemplate transaction, PriceBook prices, String featureTag,
                            MeterRegistry meters) {
        this.jdbc = requireNonNull(jdbc, "jdbc");
        this.transaction = requireNonNull(transaction, "transaction");
        this.prices = requireNonNull(prices, "prices");
        this.featureTag = requireNonNull(featureTag, "featureTag");
        this.meters = requireNonNull(meters, "meters");
        this.recorded = meters.counter("switchboard.cost.events", "outcome", "recorded");
        this.duplicates = meters.counter("switchboard.cost.events", "outcome", "duplicate");
    }

    public Outcome record(CompletionEvent event) {
        requireNonNull(event, "event");
        Optional<Charge> inserted = requireNonNull(transaction.execute(status -> insert(event)), "inserted");
        return counted(event, inserted);
    }

    /**
     * Records a batch in one transaction (one commit instead of one per event); each event is still recorded once,
     * and a batch that fails is retried whole, which the per-event idempotence makes harmless.
     */
    public List<Outcome> recordAll(List<CompletionEvent> events) {
        List<Optional<Charge>> inserted = requireNonNull(transaction.execute(status -> {
            List<Optional<Charge>> out = new java.util.ArrayList<>(events.size());
            for (CompletionEvent event : events) {
                out.add(insert(event));
            }
            return out;
        }), "inserted");
        List<Outcome> outcomes = new java.util.ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            outcomes.add(counted(events.get(i), inserted.get(i)));
        }
        return outcomes;
    }

    private Outcome counted(CompletionEvent event, Optional<Charge> inserted) {
        if (inserted.isEmpty()) {
            duplicates.increment();
            log.debug("completion {} was already recorded; redelivery ignored", event.requestId());
            return Outcome.DUPLICATE;
        }
        recorded.increment();
        for (String part : inserted.get().unpriced()) {
            meters.counter("switchboard.cost.unpriced").increment();
            log.warn("no price for {} in request {}; its cost is recorded as unknown (NULL)", part, event.requestId());
        }
        return Outcome.RECORDED;
    }

    /** Inserts the request and its aggregates; empty when the request was already recorded. */
    private Optional<Charge> insert(CompletionEvent event) {
        Charge charge = CompletionCosting.charge(event, prices::find);
        CompletionEvent.Result r = event.result();
        TokenUsage usage = charge.servedUsage();
        int inserted = jdbc.sql("""
                        INSERT INTO completions (request_id, time, key_name, team, user_id, ingress, requested_model,
                            stream, route, strategy, provider, provider_model, status, error_category, finish_reason,
                            input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, reasoning_tokens,
                            cost_usd, latency_ms, first_token_ms, tags, attempts, experiment_arm)
                        VALUES (:requestId, :time, :keyName, :team, :userId, :ingress, :requestedModel,
                            :stream, :route, :strategy, :provider, :providerModel, :status, :errorCategory, :finishReason,
                            :input, :output, :cachedInput, :cacheWrite, :reasoning,
                            :cost, :latency, :firstToken, CAST(:tags AS jsonb), CAST(:attempts AS jsonb), :arm)
                        ON CONFLICT (request_id) DO NOTHING""")
                .param("requestId", event.requestId())
                .param("time", OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC))
                .param("keyName", event.caller().keyName())
                .param("team", event.caller().team(), Types.VARCHAR)
                .param("userId", event.caller().user(), Types.VARCHAR)
                .param("ingress", event.request().ingress())
                .param("requestedModel", event.request().model())
                .param("stream", event.request().stream())
                .param("route", r.route())
                .param("strategy", r.strategy())
                .param("provider", r.provider(), Types.VARCHAR)
                .param("providerModel", r.providerModel(), Types.VARCHAR)
                .param("status", r.status())
                .param("errorCategory", r.errorCategory(), Types.VARCHAR)
                .param("finishReason", r.finishReason(), Types.VARCHAR)
                .param("input", usage == null ? null : usage.input(), Types.BIGINT)
                .param("output", usage == null ? null : usage.output(), Types.BIGINT)
                .param("cachedInput", usage == null ? null : usage.cachedInput(), Types.BIGINT)
                .param("cacheWrite", usage == null ? null : usage.cacheWrite(), Types.BIGINT)
                .param("reasoning", usage == null ? null : usage.reasoning(), Types.BIGINT)
                .param("cost", charge.totalUsd(), Types.NUMERIC)
                .param("latency", r.timing().latencyMillis())
                .param("firstToken", r.timing().firstTokenMillis() < 0 ? null : r.timing().firstTokenMillis(),
                        Types.BIGINT)
                .param("tags", StoredJson.tags(event.tags()))
                .param("attempts", StoredJson.attempts(charge.attempts()))
                .param("arm", r.experimentArm(), Types.VARCHAR)
                .update();
        if (inserted == 0) {
            return Optional.empty();
        }
        addToDailySpend(event, charge);
        if (event.bodies() != null) {
            keepBodies(event, event.bodies());
        }
        return Optional.of(charge);
    }

    private void keepBodies(CompletionEvent event, CompletionEvent.Bodies bodies) {
        jdbc.sql("""
                        INSERT INTO request_bodies (request_id, request_body, response_body, truncated, expires_at)
                        VALUES (:requestId, :request, :response, :truncated, :expiresAt)
                        ON CONFLICT (request_id) DO NOTHING""")
                .param("requestId", event.requestId())
                .param("request", storable(bodies.request()))
                .param("response", bodies.response() == null ? null : storable(bodies.response()), Types.VARCHAR)
                .param("truncated", bodies.truncated())
                .param("expiresAt", OffsetDateTime.ofInstant(event.time().plus(Duration.ofDays(bodies.retentionDays())),
                        ZoneOffset.UTC))
                .update();
    }

    /** PostgreSQL text cannot hold NUL, which a malformed body may contain: it is stored as U+FFFD. */
    private static String storable(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    private void addToDailySpend(CompletionEvent event, Charge charge) {
        CompletionEvent.Result r = event.result();
        TokenUsage usage = Objects.requireNonNullElse(charge.servedUsage(), TokenUsage.ZERO);
        boolean failed = r.errorCategory() != null || r.status() >= 400;
        jdbc.sql("""
                        INSERT INTO spend_daily AS s (day, key_name, team, provider, model, feature, end_user, requests, errors,
                            input_tokens, output_tokens, cached_input_tokens, cache_write_tokens, reasoning_tokens,
                            cost_usd, unpriced_requests)
                        VALUES (:day, :keyName, :team, :provider, :model, :feature, :user, 1, :errors,
                            :input, :output, :cachedInput, :cacheWrite, :reasoning, :cost, :unpriced)
                        ON CONFLICT (day, key_name, team, provider, model, feature, end_user) DO UPDATE SET
                            requests = s.requests + 1,
                            errors = s.errors + EXCLUDED.errors,
                            input_tokens = s.input_tokens + EXCLUDED.input_tokens,
                            output_tokens = s.output_tokens + EXCLUDED.output_tokens,
                            cached_input_tokens = s.cached_input_tokens + EXCLUDED.cached_input_tokens,
                            cache_write_tokens = s.cache_write_tokens + EXCLUDED.cache_write_tokens,
                            reasoning_tokens = s.reasoning_tokens + EXCLUDED.reasoning_tokens,
                            cost_usd = s.cost_usd + EXCLUDED.cost_usd,
                            unpriced_requests = s.unpriced_requests + EXCLUDED.unpriced_requests""")
                .param("day", LocalDate.ofInstant(event.time(), ZoneOffset.UTC))
                .param("keyName", event.caller().keyName())
                .param("team", Objects.requireNonNullElse(event.caller().team(), ""))
                .param("provider", Objects.requireNonNullElse(r.provider(), ""))
                .param("model", Objects.requireNonNullElse(r.providerModel(), ""))
                .param("feature", event.tags().getOrDefault(featureTag, ""))
                .param("user", Objects.requireNonNullElse(event.caller().user(), ""))
                .param("errors", failed ? 1 : 0)
                .param("input", usage.input())
                .param("output", usage.output())
                .param("cachedInput", usage.cachedInput())
                .param("cacheWrite", usage.cacheWrite())
                .param("reasoning", usage.reasoning())
                .param("cost", Objects.requireNonNullElse(charge.totalUsd(), BigDecimal.ZERO))
                .param("unpriced", charge.totalUsd() == null ? 1 : 0)
                .update();
    }
}
