package dev.switchboard.router.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.router.RouterServiceApplication;
import dev.switchboard.testkit.TempYaml;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real router with the mock provider: a whole, a streamed, a failed and an unroutable request, then the Prometheus
 * scrape (no principal needed: only {@code /v1/**} is guarded) and the spans an application {@link OpenTelemetry}
 * received.
 */
@SpringBootTest(classes = {RouterServiceApplication.class, TelemetryEndpointTest.Spans.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=router", "switchboard.internal-secret=" + TelemetryEndpointTest.SECRET})
class TelemetryEndpointTest {

    static final String SECRET = "router-test-secret-telemetry-01";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final SignedPrincipal signer = new SignedPrincipal(SECRET, Clock.systemUTC());

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        InMemorySpanExporter spanExporter() {
            return InMemorySpanExporter.create();
        }

        @Bean(destroyMethod = "close")
        OpenTelemetrySdk openTelemetry(InMemorySpanExporter exporter) {
            return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
        }
    }

    @Autowired
    Environment environment;

    @Autowired
    ApplicationContext context;

    @Autowired
    InMemorySpanExporter spans;

    WebTestClient client;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("switchboard.config", () -> TempYaml.write("""
                    providers:
                      mock: { kind: mock }
                      spare: { kind: mock }
                    models:
                      echo: mock/echo
                      streamy: spare/echo
                      limited: { targets: [ mock/error-429 ], retry: { attempts: 1 } }
                    keys:
                      - { name: app, key-sha256: %s }
                    """.formatted(ConfigParser.sha256("k1"))).toString());
        registry.add("switchboard.reload-interval", () -> "1h");
    }

    @BeforeEach
    void client() {
        client = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + environment.getProperty("local.server.port"))
                .responseTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void requestsTokensTimingsAndAttemptsAreScrapedAndEachRequestIsASpan() {
        JsonNode whole = JSON.readTree(chat("echo", "hello there", false)
                .header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
        String sse = chat("streamy", "streaming works fine today", true).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        JsonNode streamed = JSON.readTree(
                sse.lines().filter(l -> l.startsWith("data: {")).toList().getLast().substring(6));
        chat("limited", "x", false).exchange().expectStatus().isEqualTo(429);
        chat("no-such-model", "x", false).exchange().expectStatus().isNotFound();

        await().atMost(Duration.ofSeconds(5)).until(() -> spans.getFinishedSpanItems().size() == 4);
        String scrape = client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(value(scrape, "switchboard_requests_total", Map.of("ingress", "openai", "route", "echo",
                "provider", "mock", "model", "echo", "key", "app", "team", "none", "status", "200",
                "error_category", "none"))).hasValue(1);
        assertThat(value(scrape, "switchboard_requests_total", Map.of("route", "streamy", "provider", "spare",
                "status", "200"))).hasValue(1);
        assertThat(value(scrape, "switchboard_requests_total", Map.of("route", "limited", "provider", "none",
                "model", "none", "status", "429", "error_category", "RATE_LIMITED"))).hasValue(1);
        assertThat(value(scrape, "switchboard_requests_total", Map.of("route", "none", "status", "404",
                "error_category", "MODEL_NOT_FOUND"))).as("a caller-written model is no label").hasValue(1);

        assertThat(value(scrape, "switchboard_tokens_total", Map.of("provider", "mock", "model", "echo",
                "key", "app", "team", "none", "type", "input"))).hasValue(whole.at("/usage/prompt_tokens").asLong());
        assertThat(value(scrape, "switchboard_tokens_total", Map.of("provider", "mock", "model", "echo",
                "type", "output"))).hasValue(whole.at("/usage/completion_tokens").asLong());
        assertThat(value(scrape, "switchboard_tokens_total", Map.of("provider", "mock", "type", "cached_input")))
                .hasValue(0);
        assertThat(value(scrape, "switchboard_tokens_total", Map.of("provider", "spare", "type", "input")))
                .hasValue(streamed.at("/usage/prompt_tokens").asLong());
        assertThat(value(scrape, "switchboard_tokens_total", Map.of("provider", "spare", "type", "output")))
                .hasValue(streamed.at("/usage/completion_tokens").asLong());
        assertThat(value(scrape, "switchboard_tokens_total", Map.of("provider", "none")))
                .as("a failure before any answer used no tokens").isEmpty();
        assertThat(scrape).as("the mock has no catalog price").doesNotContain("switchboard_cost_usd_total{");

        assertThat(value(scrape, "switchboard_request_duration_seconds_count", Map.of("provider", "mock",
                "model", "echo"))).hasValue(1);
        assertThat(value(scrape, "switchboard_request_duration_seconds_bucket", Map.of("provider", "mock",
                "model", "echo", "le", "+Inf"))).hasValue(1);
        assertThat(value(scrape, "switchboard_request_duration_seconds_count", Map.of("provider", "none")))
                .hasValue(2);
        assertThat(value(scrape, "switchboard_time_to_first_token_seconds_count", Map.of("provider", "spare",
                "model", "echo"))).hasValue(1);
        assertThat(value(scrape, "switchboard_time_to_first_token_seconds_count", Map.of("provider", "none")))
                .as("no output, no first token").isEmpty();

        assertThat(value(scrape, "switchboard_upstream_attempts_total", Map.of("provider", "mock",
                "model", "error-429", "outcome", "FAILED", "error_category", "RATE_LIMITED"))).hasValue(1);
        assertThat(value(scrape, "switchboard_upstream_attempts_total", Map.of("provider", "spare",
                "model", "echo", "outcome", "SUCCEEDED", "error_category", "none"))).hasValue(1);

        SpanData streamedSpan = span("streamy");
        assertThat(streamedSpan.getName()).isEqualTo("chat streamy");
        assertThat(streamedSpan.getAttributes().get(AttributeKey.stringKey("gen_ai.provider.name")))
                .as("the provider's kind, as the GenAI conventions name providers").isEqualTo("mock");
        assertThat(streamedSpan.getAttributes().get(AttributeKey.stringKey("switchboard.provider")))
                .as("the configured provider").isEqualTo("spare");
        assertThat(streamedSpan.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")))
                .isEqualTo(streamed.at("/usage/completion_tokens").asLong());
        assertThat(streamedSpan.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
                .containsExactly("stop");
        assertThat(span("limited").getAttributes().get(AttributeKey.stringKey("error.type")))
                .isEqualTo("RATE_LIMITED");

        SpanData traced = span("echo");
        assertThat(traced.getTraceId()).as("joins the caller's trace").isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(traced.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
        assertThat(traced.getParentSpanContext().isRemote()).isTrue();
        assertThat(streamedSpan.getParentSpanContext().isValid()).as("no traceparent, a root span").isFalse();
    }

    @Test
    void noOtlpEndpointNoExporter() {
        assertThat(context.getBeanProvider(SdkTracerProvider.class).getIfAvailable()).isNull();
    }

    private SpanData span(String model) {
        List<SpanData> mine = spans.getFinishedSpanItems().stream().filter(s -> model.equals(
                s.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")))).toList();
        assertThat(mine).hasSize(1);
        return mine.getFirst();
    }

    private WebTestClient.RequestHeadersSpec<?> chat(String model, String text, boolean stream) {
        return client.post().uri("/v1/chat/completions").header(SignedPrincipal.HEADER, signer.sign(new Principal("app")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("""
                        {"model":"%s","stream":%s,"stream_options":%s,"messages":[{"role":"user","content":"%s"}]}
                        """.formatted(model, stream, stream ? "{\"include_usage\":true}" : "null", text));
    }

    /** The sum of the samples named {@code name} whose labels include {@code labels}; empty when there are none. */
    static OptionalDouble value(String scrape, String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : scrape.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> present = new HashMap<>();
            Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
            while (label.find()) {
                present.put(label.group(1), label.group(2));
            }
            if (present.entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(sample.group(3));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
