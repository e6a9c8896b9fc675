package dev.switchboard.router.routing;

import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.config.RoutePolicy;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One request's walk through its plan: attempts, retries, fallbacks and races (see {@link FallbackChain}). */
final class Run<T> {

    private final Plan plan;
    private final Attempts attempts;
    private final boolean stream;
    private final Function<Deployment, @Nullable Flux<T>> call;
    private final long deadlineMillis;
    private final FallbackChain chain;
    private final RoutePolicy policy;

    Run(Plan plan, Attempts attempts, boolean stream, Function<Deployment, @Nullable Flux<T>> call, long deadlineMillis,
        FallbackChain chain) {
        this.plan = plan;
        this.attempts = attempts;
        this.stream = stream;
        this.call = call;
        this.deadlineMillis = deadlineMillis;
        this.chain = chain;
        this.policy = plan.route().policy();
    }

    Flux<T> start() {
        if (policy.strategy() == RoutePolicy.Strategy.RACE && plan.order().size() > 1) {
            return race();
        }
        return from(0, null);
    }

    /** The deployment at {@code index} or, when its circuit is open and a later one may serve, the next. */
    private Flux<T> from(int index, @Nullable GatewayException last) {
        List<Deployment> order = plan.order();
        if (index >= order.size()) {
            return Flux.error(last != null ? last : new GatewayException(ErrorCategory.UNSUPPORTED_CAPABILITY,
                    "model '" + plan.route().name() + "' has no deployment that can serve this request"));
        }
        Deployment d = order.get(index);
        if (!chain.health().tryAcquire(d.id()) && index + 1 < order.size()) {
            return from(index + 1, last);
        }
        return attempt(d, index, 0);
    }

    private Flux<T> attempt(Deployment d, int index, int retry) {
        if (chain.clock().millis() >= deadlineMillis) {
            return Flux.error(new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT, "route '" + plan.route().name()
                    + "' ran out of time before " + d.id() + " could be tried"));
        }
        Flux<T> upstream = call.apply(d);
        if (upstream == null) {
            return from(index + 1, null);
        }
        var produced = new AtomicBoolean();
        return recorded(upstream, d)
                .doOnNext(item -> produced.lazySet(true))
                .onErrorResume(GatewayException.class, e -> produced.get() ? Flux.error(e) : afterFailure(d, index, retry, e));
    }

    private Flux<T> recorded(Flux<T> upstream, Deployment d) {
        var timeouts = policy.timeouts();
        return chain.recorder().record(upstream, d, attempts, stream, timeouts.firstToken(), timeouts.idle());
    }

    private Flux<T> afterFailure(Deployment d, int index, int retry, GatewayException e) {
        chain.health().failed(d.id(), e);
        long left = deadlineMillis - chain.clock().millis();
        if (e.category().retryable() && retry + 1 < policy.retry().attempts()) {
            Duration wait = Backoff.wait(policy.retry(), retry, e.retryAfter(), chain.random());
            if (wait.toMillis() < left && wait.compareTo(policy.retry().maxWait()) <= 0
                    && chain.health().availableAt(d.id(), chain.clock().millis() + wait.toMillis())) {
                FallbackChain.logFallback(plan, d, e, "retrying in " + wait.toMillis() + " ms");
                return Mono.delay(wait).thenMany(Flux.defer(() -> attempt(d, index, retry + 1)));
            }
        }
        if (plan.route().fallbackOn().contains(e.category())) {
            int next = nextFor(index, e);
            if (next < plan.order().size()) {
                FallbackChain.logFallback(plan, d, e, "falling back to " + plan.order().get(next).id());
                return from(next, e);
            }
        }
        return Flux.error(e);
    }

    /** The next deployment; after a context overflow, the next one with a larger (or unknown) window. */
    private int nextFor(int index, GatewayException e) {
        if (e.category() != ErrorCategory.CONTEXT_LENGTH_EXCEEDED) {
            return index + 1;
        }
        ModelInfo failed = plan.order().get(index).info();
        for (int i = index + 1; i < plan.order().size(); i++) {
            ModelInfo candidate = plan.order().get(i).info();
            if (failed == null || candidate == null || candidate.contextWindow() > failed.contextWindow()) {
                return i;
            }
        }
        return plan.order().size();
    }

    /**
     * Starts the first {@code raceWidth} deployments at once; the first to produce output wins and the others are
     * cancelled (their connections close). If all of them fail first, the rest of the plan is tried in order.
     */
    private Flux<T> race() {
        int width = Math.min(policy.raceWidth(), plan.order().size());
        List<Flux<T>> racers = new ArrayList<>(width);
        var failures = new ArrayList<GatewayException>();
        for (int i = 0; i < width; i++) {
            Deployment d = plan.order().get(i);
            Flux<T> upstream = call.apply(d);
            if (upstream != null) {
                racers.add(recorded(upstream, d).doOnError(GatewayException.class, e -> {
                    chain.health().failed(d.id(), e);
                    synchronized (failures) {
                        failures.add(e);
                    }
                }));
            }
        }
        var won = new AtomicBoolean();
        return Flux.firstWithValue(racers).doOnNext(item -> won.lazySet(true)).onErrorResume(e -> !won.get(), e -> {
            GatewayException last = e instanceof GatewayException g ? g : null;
            synchronized (failures) {
                if (last == null && !failures.isEmpty()) {
                    last = failures.getLast();
                }
            }
            return from(width, last);
        });
    }
}
