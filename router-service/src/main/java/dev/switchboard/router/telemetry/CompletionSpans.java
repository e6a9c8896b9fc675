package dev.switchboard.router.telemetry;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One OpenTelemetry span per {@link CompletionEvent}, after the fact: it starts at the request's arrival (the event's
 * time minus its latency) and ends at the event's time. Attributes follow the GenAI semantic conventions
 * ({@code gen_ai.*}: operation, provider, request and response model, token usage, finish reasons; {@code error.type}
 * when the request failed) plus a few {@code switchboard.*} ones. The span has no parent: it is recorded on the
 * completion-event thread, after the request's own context is gone.
 */
public final class CompletionSpans implements Consumer<CompletionEvent> {

    /** The instrumentation scope of the spans. */
    public static final String SCOPE = "dev.switchboard.router";

    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
    static final AttributeKey<String> PROVIDER = AttributeKey.stringKey("gen_ai.provider.name");
    /** The attribute semantic conventions before 1.37 used for the provider; older backends still read it. */
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
    static final AttributeKey<String> CONFIGURED_PROVIDER = AttributeKey.stringKey("switchboard.provider");
    static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    static final AttributeKey<Long> OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    static final AttributeKey<List<String>> FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> HTTP_STATUS = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> REQUEST_ID = AttributeKey.stringKey("switchboard.request_id");
    static final AttributeKey<String> INGRESS = AttributeKey.stringKey("switchboard.ingress");
    static final AttributeKey<String> ROUTE = AttributeKey.stringKey("switchboard.route");
    static final AttributeKey<String> STRATEGY = AttributeKey.stringKey("switchboard.strategy");
    static final AttributeKey<String> KEY = AttributeKey.stringKey("switchboard.key");
    static final AttributeKey<Boolean> STREAM = AttributeKey.booleanKey("switchboard.stream");
    static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("switchboard.attempts");
    static final AttributeKey<Long> FIRST_TOKEN_MS = AttributeKey.longKey("switchboard.time_to_first_token_ms");
    static final AttributeKey<Double> COST_USD = AttributeKey.doubleKey("switchboard.cost_usd");

    private final Tracer tracer;

    public CompletionSpans(Tracer tracer) {
        this.tracer = requireNonNull(tracer, "tracer");
    }

    @Override
    public void accept(CompletionEvent event) {
        var request = event.request();
        var result = event.result();
        String operation = "embeddings".equals(request.ingress()) ? "embeddings" : "chat";
        Instant end = event.time();
        Instant start = end.minusMillis(result.timing().latencyMillis());

        Span span = parented(tracer.spanBuilder(operation + " " + request.model()), request.traceparent())
                .setSpanKind(SpanKind.CLIENT).setStartTimestamp(start).setAttribute(OPERATION, operation)
                .setAttribute(REQUEST_MODEL, request.model()).startSpan();
        if (result.provider() != null) {
            String system = genAiSystem(result.providerKind() != null ? result.providerKind() : result.provider());
            span.setAttribute(PROVIDER, system);
            span.setAttribute(SYSTEM, system);
            span.setAttribute(CONFIGURED_PROVIDER, result.provider());
        }
        if (result.providerModel() != null) {
            span.setAttribute(RESPONSE_MODEL, result.providerModel());
        }
        TokenUsage usage = result.usage();
        if (usage != null) {
            span.setAttribute(INPUT_TOKENS, usage.input());
            span.setAttribute(OUTPUT_TOKENS, usage.output());
        }
        if (result.finishReason() != null) {
            span.setAttribute(FINISH_REASONS, List.of(result.finishReason().toLowerCase(Locale.ROOT)));
        }
        span.setAttribute(HTTP_STATUS, (long) result.status());
        span.setAttribute(REQUEST_ID, event.requestId());
        span.setAttribute(INGRESS, request.ingress());
        span.setAttribute(ROUTE, result.route());
        span.setAttribute(STRATEGY, result.strategy());
        span.setAttribute(KEY, event.caller().keyName());
        span.setAttribute(STREAM, request.stream());
        span.setAttribute(ATTEMPTS, (long) event.attempts().size());
        if (result.timing().firstTokenMillis() >= 0) {
            span.setAttribute(FIRST_TOKEN_MS, result.timing().firstTokenMillis());
        }
        if (result.costUsd() != null) {
            span.setAttribute(COST_USD, result.costUsd().doubleValue());
        }
        if (result.errorCategory() != null) {
            span.setAttribute(ERROR_TYPE, result.errorCategory());
            span.setStatus(StatusCode.ERROR, result.errorCategory());
        }
        span.end(end);
    }

    /** The GenAI semantic conventions' well-known provider names for our kinds; other kinds as they are. */
    static String genAiSystem(String kind) {
        return switch (kind) {
            case "gemini", "gemini-openai" -> "gcp.gemini";
            case "mistral" -> "mistral_ai";
            case "xai" -> "x_ai";
            default -> kind;
        };
    }

    /** The caller's span as the parent when {@code traceparent} is given (already validated), else none. */
    static SpanBuilder parented(SpanBuilder builder, @Nullable String traceparent) {
        if (traceparent == null) {
            return builder.setNoParent();
        }
        String[] parts = traceparent.split("-");
        var remote = SpanContext.createFromRemoteParent(parts[1], parts[2], TraceFlags.fromHex(parts[3], 0),
                TraceState.getDefault());
        return builder.setParent(Context.root().with(Span.wrap(remote)));
    }
}
