package dev.switchboard.router.routing;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatEvents;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.embedding.EmbeddingRequest;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.EmbeddingAdapter;
import dev.switchboard.providers.NonStreamingChat;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Runs a {@link Plan}: tries its deployments in order, retries one with backoff (or its {@code retry-after}) on a
 * retryable failure, moves to the next on a category the route falls back on, races the first deployments of a
 * {@code race} route, and bounds the whole by the route's deadline. A stream is only committed once an attempt
 * produced output ({@code Started} is held back until then), so a slow first token or a failure before any output can
 * still move on; after that a stream is never switched and a failure reaches the caller. Every attempt is recorded
 * in the request's {@link Attempts}.
 */
public final class FallbackChain {

    private static final Logger log = LoggerFactory.getLogger(FallbackChain.class);

    private final Clock clock;
    private final RandomGenerator random;
    private final AttemptRecorder recorder;
    private final Health health;

    public FallbackChain(Health health, LatencyBook latency, Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
        this.health = health;
        this.recorder = new AttemptRecorder(health, latency, System::nanoTime);
    }

    /** Fresh health and latency state on the system clock (tests and benchmarks). */
    public FallbackChain() {
        this(new Health(Clock.systemUTC(), 3, Duration.ofSeconds(30)),
                new LatencyBook(Clock.systemUTC(), Duration.ofMinutes(5)), Clock.systemUTC(), new Random());
    }

    /** A streamed completion over the route's deployments in their configured order. */
    public Flux<ChatEvent> stream(ChatRequest request, Route route) {
        return stream(request, new Plan(route, route.deployments()), new Attempts());
    }

    /** A whole completion over the route's deployments in their configured order. */
    public Mono<ChatResponse> complete(ChatRequest request, Route route) {
        return complete(request, new Plan(route, route.deployments()), new Attempts());
    }

    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, Route route) {
        return embed(request, new Plan(route, route.deployments()), new Attempts());
    }

    public Flux<ChatEvent> stream(ChatRequest request, Plan plan, Attempts attempts) {
        return run(plan, attempts, true, d -> Holding.untilOutput(
                Flux.defer(() -> d.adapter().stream(request.withModel(d.target().model()), d.target()))));
    }

    /** A whole completion, from one non-streaming upstream call where the adapter offers it. */
    public Mono<ChatResponse> complete(ChatRequest request, Plan plan, Attempts attempts) {
        return run(plan, attempts, false, d -> {
            ChatRequest forTarget = request.withModel(d.target().model());
            Mono<ChatResponse> whole = d.adapter() instanceof NonStreamingChat chat
                    ? Mono.defer(() -> chat.complete(forTarget, d.target()))
                    : Flux.defer(() -> d.adapter().stream(forTarget, d.target()))
                            .collect(ChatEvents::new, ChatEvents::accept).map(ChatEvents::result);
            return whole.flux();
        }).singleOrEmpty();
    }

    /** Embeddings, from the deployments that can embed. */
    public Mono<EmbeddingResponse> embed(EmbeddingRequest request, Plan plan, Attempts attempts) {
        return run(plan, attempts, false, d -> d.adapter() instanceof EmbeddingAdapter embeddings
                ? Mono.defer(() -> embeddings.embed(request.withModel(d.target().model()), d.target())).flux()
                : null).singleOrEmpty();
    }

    private <T> Flux<T> run(Plan plan, Attempts attempts, boolean stream, Function<Deployment, @Nullable Flux<T>> call) {
        attempts.servedBy(plan.route().name());
        var run = new Run<>(plan, attempts, stream, call, clock.millis() + plan.route().policy().timeouts().total().toMillis(),
                this);
        return Deadline.bound(run.start(), plan.route().policy().timeouts().total(), plan.route().name())
                .onErrorMap(e -> !(e instanceof GatewayException), FallbackChain::internal);
    }

    Clock clock() {
        return clock;
    }

    RandomGenerator random() {
        return random;
    }

    AttemptRecorder recorder() {
        return recorder;
    }

    Health health() {
        return health;
    }

    static void logFallback(Plan plan, Deployment from, GatewayException e, String next) {
        log.info("route {}: {} failed with {} ({}), {}", plan.route().name(), from.id(), e.category(), e.getMessage(), next);
    }

    private static GatewayException internal(Throwable e) {
        log.error("unexpected failure on the completion path", e);
        return new GatewayException(ErrorCategory.INTERNAL, "internal error; the request id identifies it in the logs");
    }
}
