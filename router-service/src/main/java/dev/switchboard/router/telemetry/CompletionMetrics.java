package dev.switchboard.router.telemetry;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The router's request metrics, from each {@link CompletionEvent} on the thread that built it (never on the request
 * path). Prometheus names (Micrometer adds the unit and {@code _total}):
 *
 * <ul>
 *   <li>{@code switchboard_requests_total} {ingress, route, provider, model, key, team, status, error_category}</li>
 *   <li>{@code switchboard_tokens_total} {provider, model, key, team, type = input | output | cached_input |
 *       reasoning}: the served attempt's usage in OpenAI's convention (input includes cached input, output includes
 *       reasoning)</li>
 *   <li>{@code switchboard_cost_usd_total} {provider, model, key, team}: the router's catalog price, when it has one</li>
 *   <li>{@code switchboard_request_duration_seconds} and {@code switchboard_time_to_first_token_seconds}
 *       {provider, model}: histograms with fixed buckets (the first only for requests with output)</li>
 *   <li>{@code switchboard_upstream_attempts_total} {provider, model, outcome, error_category}: every upstream call,
 *       served or not</li>
 * </ul>
 *
 * <p>A missing value is {@value #NONE}: no provider served, no error, no team (teams are not known yet). A request
 * that was never routed (unknown model) has route {@value #NONE} so caller-written names do not become series. Every
 * label comes from the configuration (keys, routes, providers) or from a provider's model ids, so cardinality is
 * bounded; Micrometer keeps one meter per label combination.
 */
public final class CompletionMetrics implements Consumer<CompletionEvent> {

    static final String NONE = "none";
    private static final String NOT_ROUTED = "none";

    private static final Duration[] DURATION_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120);
    private static final Duration[] FIRST_TOKEN_BUCKETS = seconds(0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30);

    private final Meter.MeterProvider<Counter> requests;
    private final Meter.MeterProvider<Counter> tokens;
    private final Meter.MeterProvider<Counter> cost;
    private final Meter.MeterProvider<Timer> duration;
    private final Meter.MeterProvider<Timer> firstToken;
    private final Meter.MeterProvider<Counter> attempts;

    public CompletionMetrics(MeterRegistry registry) {
        requireNonNull(registry, "registry");
        requests = Counter.builder("switchboard.requests")
                .description("Requests that reached a handler, by outcome").withRegistry(registry);
        tokens = Counter.builder("switchboard.tokens").baseUnit("tokens")
                .description("Tokens of the served attempt (OpenAI convention)").withRegistry(registry);
        cost = Counter.builder("switchboard.cost.usd")
                .description("Catalog cost of the served usage in USD, when priced").withRegistry(registry);
        duration = Timer.builder("switchboard.request.duration")
                .description("From the request's arrival to its end").serviceLevelObjectives(DURATION_BUCKETS)
                .withRegistry(registry);
        firstToken = Timer.builder("switchboard.time.to.first.token")
                .description("From the request's arrival to its first output")
                .serviceLevelObjectives(FIRST_TOKEN_BUCKETS).withRegistry(registry);
        attempts = Counter.builder("switchboard.upstream.attempts")
                .description("Upstream calls, served or not").withRegistry(registry);
    }

    @Override
    public void accept(CompletionEvent event) {
        var result = event.result();
        String provider = orNone(result.provider());
        String model = orNone(result.providerModel());
        String key = event.caller().keyName();
        String team = orNone(event.caller().team());
        String route = NOT_ROUTED.equals(result.strategy()) ? NONE : result.route();

        requests.withTags(Tags.of("ingress", event.request().ingress(), "route", route, "provider", provider,
                "model", model, "key", key, "team", team, "status", Integer.toString(result.status()),
                "error_category", orNone(result.errorCategory()))).increment();

        TokenUsage usage = result.usage();
        if (usage != null) {
            Tags owner = Tags.of("provider", provider, "model", model, "key", key, "team", team);
            tokens.withTags(owner.and("type", "input")).increment(usage.input());
            tokens.withTags(owner.and("type", "output")).increment(usage.output());
            tokens.withTags(owner.and("type", "cached_input")).increment(usage.cachedInput());
            tokens.withTags(owner.and("type", "reasoning")).increment(usage.reasoning());
        }
        if (result.costUsd() != null) {
            cost.withTags(Tags.of("provider", provider, "model", model, "key", key, "team", team))
                    .increment(result.costUsd().doubleValue());
        }

        Tags served = Tags.of("provider", provider, "model", model);
        duration.withTags(served).record(Duration.ofMillis(result.timing().latencyMillis()));
        if (result.timing().firstTokenMillis() >= 0) {
            firstToken.withTags(served).record(Duration.ofMillis(result.timing().firstTokenMillis()));
        }

        for (CompletionEvent.AttemptRecord attempt : event.attempts()) {
            attempts.withTags(Tags.of("provider", attempt.provider(), "model", attempt.model(),
                    "outcome", attempt.outcome(), "error_category", orNone(attempt.errorCategory()))).increment();
        }
    }

    private static String orNone(@Nullable String value) {
        return value == null || value.isEmpty() ? NONE : value;
    }

    private static Duration[] seconds(double... values) {
        var durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos(Math.round(values[i] * 1e9));
        }
        return durations;
    }
}
