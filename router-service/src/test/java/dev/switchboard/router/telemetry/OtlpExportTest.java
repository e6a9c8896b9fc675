package dev.switchboard.router.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.router.events.Completions;
import dev.switchboard.router.events.SampleEvents;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With {@code switchboard.telemetry.otlp-endpoint} the spans are posted to {@code /v1/traces}; without it, nothing. */
class OtlpExportTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(TelemetryConfiguration.class)
            .withBean(SimpleMeterRegistry.class)
            .withBean(Completions.class, () -> new Completions(event -> { }, Clock.systemUTC()));

    @Test
    void spansGoToTheConfiguredCollector() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + exchange.getRequestBody().readAllBytes().length);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sink.start();
        try {
            runner.withPropertyValues("switchboard.telemetry.otlp-endpoint=http://127.0.0.1:"
                    + sink.getAddress().getPort()).run(context -> {
                assertThat(context).hasSingleBean(SdkTracerProvider.class);
                context.getBean(CompletionSpans.class).accept(SampleEvents.event("otlp-1"));
            });
        } finally {
            sink.stop(0);
        }
        assertThat(received).singleElement().asString().startsWith("POST /v1/traces application/x-protobuf");
    }

    @Test
    void withoutAnEndpointThereIsNoExporter() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(SdkTracerProvider.class);
            context.getBean(CompletionSpans.class).accept(SampleEvents.event("quiet"));
        });
    }

}
