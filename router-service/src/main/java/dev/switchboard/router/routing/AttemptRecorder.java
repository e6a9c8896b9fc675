package dev.switchboard.router.routing;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.UpstreamObserver;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Wraps one attempt: records it in {@link Attempts} when it ends (succeeded, failed or cancelled, with latency,
 * first-output time and usage), feeds {@link Health} and {@link LatencyBook}, lets the upstream's rate-limit headers
 * reach {@link Health}, and turns the first-token and idle timeouts into {@code UPSTREAM_TIMEOUT}.
 */
final class AttemptRecorder {

    private final Health health;
    private final LatencyBook latency;
    private final LongSupplier nanos;

    AttemptRecorder(Health health, LatencyBook latency, LongSupplier nanos) {
        this.health = health;
        this.latency = latency;
        this.nanos = nanos;
    }

    <T> Flux<T> record(Flux<T> attempt, Deployment d, Attempts attempts, boolean stream,
                       @Nullable Duration firstToken, @Nullable Duration idle) {
        return Flux.defer(() -> {
            attempts.begin();
            var state = new State(nanos.getAsLong());
            Flux<T> timed = timeouts(attempt, d, firstToken, idle);
            return timed
                    .doOnNext(item -> state.seen(item, nanos.getAsLong()))
                    .doOnComplete(() -> {
                        long now = nanos.getAsLong();
                        health.succeeded(d.id());
                        latency.record(d.id(), stream, Duration.ofNanos(stream && state.firstAt > 0
                                ? state.firstAt - state.start : now - state.start));
                        attempts.add(state.attempt(d, Attempt.Outcome.SUCCEEDED, null, now));
                    })
                    .doOnError(e -> {
                        if (e instanceof GatewayException g) {
                            attempts.add(state.attempt(d, Attempt.Outcome.FAILED, g, nanos.getAsLong()));
                        }
                    })
                    .doOnCancel(() -> {
                        health.abandoned(d.id());
                        attempts.add(state.attempt(d, Attempt.Outcome.CANCELLED, null, nanos.getAsLong()));
                    })
                    .contextWrite(context -> context.put(UpstreamObserver.KEY, (UpstreamObserver) (status, header) ->
                            health.observed(d.id(), RateLimits.headroom(header))));
        });
    }

    /**
     * The first-token limit is a timer raced against the first item, so it costs nothing per chunk; the idle limit
     * (only when configured) restarts a timer per chunk.
     */
    private static <T> Flux<T> timeouts(Flux<T> attempt, Deployment d, @Nullable Duration firstToken,
                                        @Nullable Duration idle) {
        Flux<T> timed = attempt;
        if (idle != null) {
            timed = timed.timeout(Flux.never(), item -> Mono.delay(idle));
        }
        if (firstToken != null) {
            Flux<T> source = timed;
            timed = Flux.defer(() -> {
                Sinks.Empty<Void> arrived = Sinks.empty();
                Mono<T> timer = Mono.delay(firstToken).then(Mono.<T>error(new TimeoutException()))
                        .takeUntilOther(arrived.asMono());
                return Flux.merge(source.doOnNext(item -> arrived.tryEmitEmpty()), timer);
            });
        }
        return timed.onErrorMap(TimeoutException.class, e -> new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT,
                d.target().provider() + ": no output within the route's first-token or idle timeout",
                GatewayException.Origin.upstream(d.target().provider(), 0, null)));
    }

    /** What one attempt has seen so far. */
    private static final class State {
        final long start;
        long firstAt;
        @Nullable TokenUsage usage;

        State(long start) {
            this.start = start;
        }

        void seen(Object item, long now) {
            if (firstAt == 0) {
                firstAt = now;
            }
            switch (item) {
                case ChatEvent.UsageReported u -> usage = u.usage();
                case ChatResponse r -> usage = r.outcome().usage();
                case EmbeddingResponse e -> usage = TokenUsage.of(e.inputTokens(), 0);
                default -> { }
            }
        }

        Attempt attempt(Deployment d, Attempt.Outcome outcome, @Nullable GatewayException failure, long now) {
            return new Attempt(d.target().provider(), d.target().model(), outcome,
                    failure == null ? 0 : failure.upstreamStatus(), failure == null ? null : failure.category(),
                    (now - start) / 1_000_000, firstAt == 0 ? -1 : (firstAt - start) / 1_000_000, usage);
        }
    }
}
