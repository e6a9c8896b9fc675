package dev.switchboard.router.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompletionSpansTest {

    private static final Instant END = Instant.parse("2026-11-25T10:15:30.123Z");

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final CompletionSpans spans = new CompletionSpans(provider.get(CompletionSpans.SCOPE));

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void servedChatHasTheGenAiAttributesAndTheRequestsTiming() {
        var usage = new TokenUsage(120, 40, 100, 0, 8);
        spans.accept(new CompletionEvent("req-1", END, new CompletionEvent.Caller("my-app", null, "user-7"), Map.of(),
                new CompletionEvent.RequestInfo("openai", "gpt-4o-mini", true),
                new CompletionEvent.Result("gpt-4o-mini", "fixed", "openai", "gpt-4o-mini-2024-07-18", 200, null,
                        "STOP", usage, new BigDecimal("0.0000465"), new CompletionEvent.Timing(850, 310), null),
                List.of(new CompletionEvent.AttemptRecord("openai", "gpt-4o-mini", "SUCCEEDED", 0, null,
                        new CompletionEvent.Timing(800, 300), usage))));

        SpanData span = exporter.getFinishedSpanItems().getFirst();
        assertThat(exporter.getFinishedSpanItems()).hasSize(1);
        assertThat(span.getName()).isEqualTo("chat gpt-4o-mini");
        assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(span.getParentSpanContext().isValid()).isFalse();
        assertThat(span.getInstrumentationScopeInfo().getName()).isEqualTo(CompletionSpans.SCOPE);
        assertThat(span.getEndEpochNanos()).isEqualTo(nanos(END));
        assertThat(span.getStartEpochNanos()).isEqualTo(nanos(END.minusMillis(850)));
        var attributes = span.getAttributes();
        assertThat(attributes.get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
        assertThat(attributes.get(AttributeKey.stringKey("gen_ai.provider.name"))).isEqualTo("openai");
        assertThat(attributes.get(AttributeKey.stringKey("gen_ai.system"))).isEqualTo("openai");
        assertThat(attributes.get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o-mini");
        assertThat(attributes.get(AttributeKey.stringKey("gen_ai.response.model")))
                .isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(120L);
        assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(40L);
        assertThat(attributes.get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
                .containsExactly("stop");
        assertThat(attributes.get(AttributeKey.stringKey("error.type"))).isNull();
        assertThat(attributes.get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(attributes.get(AttributeKey.stringKey("switchboard.request_id"))).isEqualTo("req-1");
        assertThat(attributes.get(AttributeKey.stringKey("switchboard.key"))).isEqualTo("my-app");
        assertThat(attributes.get(AttributeKey.longKey("switchboard.time_to_first_token_ms"))).isEqualTo(310L);
        assertThat(attributes.get(AttributeKey.doubleKey("switchboard.cost_usd"))).isEqualTo(0.0000465);
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void failedEmbeddingHasTheErrorTypeAndNoProvider() {
        spans.accept(new CompletionEvent("req-2", END, new CompletionEvent.Caller("my-app", null, null), Map.of(),
                new CompletionEvent.RequestInfo("embeddings", "embed", false),
                new CompletionEvent.Result("embed", "fixed", null, null, 503, "UPSTREAM_UNAVAILABLE", null, null,
                        null, new CompletionEvent.Timing(40, -1), null),
                List.of()));

        SpanData span = exporter.getFinishedSpanItems().getFirst();
        assertThat(span.getName()).isEqualTo("embeddings embed");
        var attributes = span.getAttributes();
        assertThat(attributes.get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("embeddings");
        assertThat(attributes.get(AttributeKey.stringKey("error.type"))).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(attributes.get(AttributeKey.stringKey("gen_ai.provider.name"))).isNull();
        assertThat(attributes.get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isNull();
        assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(span.getEndEpochNanos() - span.getStartEpochNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(40));
    }

    @Test
    void otlpEndpointIsTheTracesUrl() {
        assertThat(new TelemetryProperties(null, null).tracesUrl()).isNull();
        assertThat(new TelemetryProperties(" ", null).tracesUrl()).isNull();
        assertThat(new TelemetryProperties("http://collector:4318", null).tracesUrl())
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(new TelemetryProperties("http://collector:4318/", null).tracesUrl())
                .isEqualTo("http://collector:4318/v1/traces");
        assertThat(new TelemetryProperties("http://collector:4318/v1/traces", null).tracesUrl())
                .isEqualTo("http://collector:4318/v1/traces");
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    @Test
    void providerKindsUseTheConventionsWellKnownNames() {
        assertThat(CompletionSpans.genAiSystem("gemini")).isEqualTo("gcp.gemini");
        assertThat(CompletionSpans.genAiSystem("mistral")).isEqualTo("mistral_ai");
        assertThat(CompletionSpans.genAiSystem("anthropic")).isEqualTo("anthropic");
    }
}
