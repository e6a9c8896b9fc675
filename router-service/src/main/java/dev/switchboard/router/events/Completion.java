package dev.switchboard.router.events;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.embedding.EmbeddingResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.ErrorFormat;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.policy.RequestLogPolicy;
import dev.switchboard.router.routing.Routing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * One request on its way to a {@link CompletionEvent}. The handler reports what it learns ({@link #routed},
 * {@link #track}, {@link #whole}, {@link #embedding}); on the hot path that is a few field writes per event. The
 * {@link CompletionFilter} ends it exactly once when the exchange ends, and {@link CompletionResults} builds the event
 * afterwards, off the request path.
 *
 * <p>When the caller's team keeps bodies ({@link RequestLogPolicy#bodies()}), the handler hands over the request as
 * received and the whole answer as sent ({@link #keepRequestBody}, {@link #keepResponseBody}), and a stream's events
 * are assembled ({@link StreamedAnswer}); otherwise those calls return at once and nothing is copied or kept.
 *
 * <p>A caller that goes away is reported with {@link #CANCELLED} as the error category: with status 200 when the
 * response had started, else {@link #CLIENT_CLOSED} (nginx's "client closed request"; the caller got no status).
 */
public final class Completion {

    /** The error category of a request whose caller disconnected before it ended. */
    public static final String CANCELLED = "CANCELLED";
    /** The status of a request whose caller disconnected before any response. */
    public static final int CLIENT_CLOSED = 499;

    private static final long NONE = Long.MIN_VALUE;

    final String requestId;
    final long startNanos;
    final CompletionEvent.Caller caller;
    final Map<String, String> tags;
    final CompletionEvent.RequestInfo request;
    private final ErrorFormat format;
    private final LongSupplier nanos;
    private final RequestLogPolicy requestLog;
    private final AtomicBoolean ended = new AtomicBoolean();

    // Written by the request's signals (serialized by Reactor), read once after it ended.
    volatile Routing.@Nullable Call call;
    volatile @Nullable ResolvedModel served;
    volatile @Nullable TokenUsage usage;
    volatile @Nullable FinishReason finish;
    volatile long firstOutputNanos = NONE;
    private volatile @Nullable Throwable failure;
    private volatile @Nullable Consumer<ChatEvent> watcher;
    private volatile boolean cancelled;
    private volatile byte @Nullable [] requestBody;
    private volatile byte @Nullable [] responseBody;
    private volatile @Nullable StreamedAnswer streamedAnswer;

    // The cost listener and, once the event is built, the cost it gets; guarded by this.
    private @Nullable Consumer<@Nullable CompletionEvent> eventListener;
    private boolean eventKnown;
    private @Nullable CompletionEvent knownEvent;

    // Set once by end().
    long endNanos;
    Instant endTime = Instant.EPOCH;
    int status;
    @Nullable String errorCategory;

    Completion(String requestId, long startNanos, CompletionEvent.Caller caller, Map<String, String> tags,
               CompletionEvent.RequestInfo request, ErrorFormat format, LongSupplier nanos,
               RequestLogPolicy requestLog) {
        this.requestId = requireNonNull(requestId, "requestId");
        this.startNanos = startNanos;
        this.caller = requireNonNull(caller, "caller");
        this.tags = Map.copyOf(tags);
        this.request = requireNonNull(request, "request");
        this.format = requireNonNull(format, "format");
        this.nanos = nanos;
        this.requestLog = requireNonNull(requestLog, "requestLog");
    }

    /** The request body as received (not copied), kept only when the caller's team keeps bodies. */
    public void keepRequestBody(byte[] body) {
        if (requestLog.bodies()) {
            requestBody = body;
        }
    }

    /** The whole answer's body as sent (not copied), kept only when the caller's team keeps bodies; returns it. */
    public byte[] keepResponseBody(byte[] body) {
        if (requestLog.bodies()) {
            responseBody = body;
        }
        return body;
    }

    /** The kept bodies, each cut to {@code maxBytes}, when the team keeps them and the request was handed over. */
    CompletionEvent.@Nullable Bodies bodies(int maxBytes) {
        byte[] received = requestBody;
        if (!requestLog.bodies() || received == null) {
            return null;
        }
        byte[] sent = responseBody;
        StreamedAnswer streamed = streamedAnswer;
        return CompletionEvent.Bodies.capped(received, sent != null ? sent : streamed != null ? streamed.json() : null,
                requestLog.retentionDays(), maxBytes);
    }

    /** The model resolved and planned; without this (404, 403) the event names the model as written, no route. */
    public void routed(Routing.Call routedCall) {
        this.call = requireNonNull(routedCall, "routedCall");
    }

    /**
     * Has {@code watcher} see every event of the stream {@link #track} watches next, before the caller does; an
     * exception it throws ends the stream with that error (budgets cut off an answer that would overspend).
     */
    public void watch(Consumer<ChatEvent> watcher) {
        this.watcher = requireNonNull(watcher, "watcher");
    }

    /**
     * Watches a stream's events (who served it, first output, usage, finish), a failure before or after output, and
     * the caller leaving: a disconnect cancels the body, which the server otherwise reports as a normal end.
     */
    public Flux<ChatEvent> track(Flux<ChatEvent> events) {
        if (requestLog.bodies()) {
            streamedAnswer = new StreamedAnswer();
        }
        Flux<ChatEvent> watched = watcher == null ? events : events.doOnNext(watcher);
        return watched.doOnNext(this::seen).doOnError(this::failed).doOnCancel(this::cancelled);
    }

    /** Watches a whole answer: its first output is the answer itself. */
    public Mono<ChatResponse> whole(Mono<ChatResponse> answer) {
        return answer.doOnNext(this::answered).doOnCancel(this::cancelledBeforeOutput);
    }

    public Mono<EmbeddingResponse> embedding(Mono<EmbeddingResponse> answer) {
        return answer.doOnNext(this::embedded).doOnCancel(this::cancelledBeforeOutput);
    }

    /**
     * Calls {@code listener} once with the request's cost as its completion event carries it ({@code null} when
     * nothing was priced), on the thread that builds the event after the request ended; at once when that already
     * happened. Budgets settle their reservation here.
     */
    public void onCost(Consumer<@Nullable BigDecimal> listener) {
        requireNonNull(listener, "listener");
        onEvent(event -> listener.accept(event == null ? null : event.result().costUsd()));
    }

    /**
     * Calls {@code listener} once with the request's completion event ({@code null} when it could not be built), on the
     * thread that builds it after the request ended; at once when that already happened. Rate limits settle here.
     */
    public void onEvent(Consumer<@Nullable CompletionEvent> listener) {
        requireNonNull(listener, "listener");
        CompletionEvent event;
        synchronized (this) {
            if (!eventKnown) {
                eventListener = eventListener == null ? listener : eventListener.andThen(listener);
                return;
            }
            event = knownEvent;
        }
        listener.accept(event);
    }

    /** The event is built (or could not be): hands it to the listeners, once. */
    void eventKnown(@Nullable CompletionEvent event) {
        Consumer<@Nullable CompletionEvent> listener;
        synchronized (this) {
            if (eventKnown) {
                return;
            }
            eventKnown = true;
            knownEvent = event;
            listener = eventListener;
            eventListener = null;
        }
        if (listener != null) {
            listener.accept(event);
        }
    }

    private void answered(ChatResponse response) {
        served = response.model();
        usage = response.outcome().usage();
        finish = response.outcome().finishReason();
        firstOutputNanos = nanos.getAsLong();
    }

    private void embedded(EmbeddingResponse response) {
        served = response.model();
        usage = TokenUsage.of(response.inputTokens(), 0);
        firstOutputNanos = nanos.getAsLong();
    }

    void failed(Throwable error) {
        failure = error;
    }

    private void cancelled() {
        cancelled = true;
    }

    private void cancelledBeforeOutput() {
        if (!hadOutput()) {
            cancelled = true;
        }
    }

    boolean hadOutput() {
        return firstOutputNanos != NONE;
    }

    /**
     * Ends the request once: later calls (a cancel after completion, say) return {@code false} and change nothing.
     *
     * @param responseStatus the status already set on the response, or 0
     * @param committed whether the response's status line has gone to the caller
     */
    boolean end(SignalType signal, int responseStatus, boolean committed, Instant time) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        endNanos = nanos.getAsLong();
        endTime = time;
        Throwable error = failure;
        int sent = responseStatus == 0 ? 200 : responseStatus;
        boolean started = committed || hadOutput();
        if (error != null || signal == SignalType.ON_ERROR) {
            ErrorCategory category = category(error);
            errorCategory = category.name();
            status = started ? sent : format.status(category);
        } else if (signal == SignalType.CANCEL || cancelled) {
            errorCategory = CANCELLED;
            status = started ? sent : CLIENT_CLOSED;
        } else {
            status = sent;
        }
        return true;
    }

    private void seen(ChatEvent event) {
        StreamedAnswer answer = streamedAnswer;
        if (answer != null) {
            answer.accept(event);
        }
        switch (event) {
            case ChatEvent.Started started -> served = started.model();
            case ChatEvent.UsageReported reported -> usage = reported.usage();
            case ChatEvent.Finished finished -> finish = finished.reason();
            default -> {
                if (firstOutputNanos == NONE) {
                    firstOutputNanos = nanos.getAsLong();
                }
            }
        }
    }

    /** As {@code ApiErrorHandler} renders it: a gateway failure keeps its category, anything else is INTERNAL. */
    private static ErrorCategory category(@Nullable Throwable error) {
        return error instanceof GatewayException g ? g.category() : ErrorCategory.INTERNAL;
    }
}
