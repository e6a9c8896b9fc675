package dev.switchboard.router.events;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorFormat;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.policy.RequestLogPolicy;
import dev.switchboard.router.principal.PrincipalFilter;
import dev.switchboard.router.web.RequestIds;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.SignalType;

/**
 * Starts a {@link Completion} for each request a handler decoded, and when the exchange ends builds its event on one
 * background thread and hands it to the {@link CompletionPublisher}: the request never waits for either.
 */
public final class Completions implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Completions.class);
    private static final String START = Completions.class.getName() + ".start";
    private static final String CURRENT = Completion.class.getName();
    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final CompletionPublisher publisher;
    private final Clock clock;
    private final LongSupplier nanos;
    private final List<Consumer<CompletionEvent>> observers = new CopyOnWriteArrayList<>();
    private final ExecutorService builder = Executors.newSingleThreadExecutor(task -> {
        var thread = new Thread(task, "completion-events");
        thread.setDaemon(true);
        return thread;
    });

    public Completions(CompletionPublisher publisher, Clock clock) {
        this(publisher, clock, System::nanoTime);
    }

    Completions(CompletionPublisher publisher, Clock clock, LongSupplier nanos) {
        this.publisher = requireNonNull(publisher, "publisher");
        this.clock = requireNonNull(clock, "clock");
        this.nanos = nanos;
    }

    /**
     * Also hands every built event to {@code observer} (telemetry), on the thread that builds it, before it is
     * published; an observer that throws is logged and skipped.
     */
    public void observe(Consumer<CompletionEvent> observer) {
        observers.add(requireNonNull(observer, "observer"));
    }

    /**
     * The request's completion, from its decoded body: {@code request} is the ingress, the model as written and the
     * stream flag, {@code user} the caller's end-user id, {@code metadata} OpenAI's request metadata (feature tags).
     * The caller's team decides whether the completion keeps the request and response bodies.
     */
    public Completion begin(ServerWebExchange exchange, CompletionEvent.RequestInfo request, @Nullable String user,
                            Map<String, String> metadata) {
        Long start = exchange.getAttribute(START);
        var who = PrincipalFilter.caller(exchange);
        var caller = new CompletionEvent.Caller(who.keyName(), who.team() == null ? who.principal().team() : who.team().id(),
                user != null ? user : who.principal().user());
        var tags = Tags.of(metadata, exchange.getRequest().getHeaders().getFirst(Tags.HEADER));
        var traced = request.withTraceparent(exchange.getRequest().getHeaders().getFirst("traceparent"));
        var completion = new Completion(RequestIds.of(exchange), start == null ? nanos.getAsLong() : start, caller,
                tags, traced, ErrorFormat.forPath(exchange.getRequest().getPath().value()), nanos,
                who.team() == null ? RequestLogPolicy.NONE : who.team().requestLog());
        exchange.getAttributes().put(CURRENT, completion);
        return completion;
    }

    /** The exchange arrived: its latency counts from here. */
    void arrived(ServerWebExchange exchange) {
        exchange.getAttributes().put(START, nanos.getAsLong());
    }

    void failed(ServerWebExchange exchange, Throwable error) {
        Completion completion = exchange.getAttribute(CURRENT);
        if (completion != null) {
            completion.failed(error);
        }
    }

    /** The exchange ended (completed, failed or cancelled); a request without a completion has no event. */
    void ended(ServerWebExchange exchange, SignalType signal) {
        Completion completion = exchange.getAttribute(CURRENT);
        if (completion == null) {
            return;
        }
        ServerHttpResponse response = exchange.getResponse();
        HttpStatusCode status = response.getStatusCode();
        if (!completion.end(signal, status == null ? 0 : status.value(), response.isCommitted(), clock.instant())) {
            return;
        }
        try {
            builder.execute(() -> publish(completion));
        } catch (RejectedExecutionException shuttingDown) {
            publish(completion);
        }
    }

    /**
     * Builds the event, hands its cost to the completion's listener (budgets settle) and the event to the observers
     * (telemetry), then publishes it.
     */
    private void publish(Completion completion) {
        CompletionEvent event;
        try {
            event = CompletionResults.event(completion);
        } catch (RuntimeException e) {
            completion.eventKnown(null);
            log.error("could not build the completion event of request {}", completion.requestId, e);
            return;
        }
        try {
            completion.eventKnown(event);
        } catch (RuntimeException e) {
            log.error("a cost listener of request {} failed", completion.requestId, e);
        }
        for (Consumer<CompletionEvent> observer : observers) {
            try {
                observer.accept(event);
            } catch (RuntimeException e) {
                log.error("a completion observer failed on request {}", completion.requestId, e);
            }
        }
        try {
            publisher.publish(event);
        } catch (RuntimeException e) {
            log.error("could not publish the completion event of request {}", completion.requestId, e);
        }
    }

    /** Builds and hands over the events of requests that already ended, for up to five seconds. */
    @Override
    public void close() {
        builder.shutdown();
        try {
            if (!builder.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("completion events still being built after {}; shutting down without them", DRAIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
