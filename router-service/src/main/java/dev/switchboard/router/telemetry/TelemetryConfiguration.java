package dev.switchboard.router.telemetry;

import dev.switchboard.router.events.Completions;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The telemetry beans: {@link CompletionMetrics} into the actuator's {@link MeterRegistry} (scraped at
 * {@code /actuator/prometheus}) and {@link CompletionSpans} through an OpenTelemetry {@link Tracer}, both observing
 * {@link Completions}.
 *
 * <p>The tracer: with {@code switchboard.telemetry.otlp-endpoint} set, the router's own SDK tracer provider exporting
 * over OTLP/HTTP in batches; otherwise the application's {@link OpenTelemetry} bean when there is one, else
 * {@link GlobalOpenTelemetry}: the OpenTelemetry Java agent's when it is attached, a no-op otherwise (no exporter, no
 * network). Reading the global fixes it, so code that sets it itself must do so before the router starts (the agent
 * does).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TelemetryProperties.class)
public class TelemetryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TelemetryConfiguration.class);

    @Bean(destroyMethod = "close")
    @ConditionalOnProperty("switchboard.telemetry.otlp-endpoint")
    SdkTracerProvider switchboardTracerProvider(TelemetryProperties properties, Environment environment) {
        String url = Objects.requireNonNull(properties.tracesUrl(), "switchboard.telemetry.otlp-endpoint");
        String service = properties.serviceName() != null ? properties.serviceName()
                : environment.getProperty("spring.application.name", "router-service");
        log.info("GenAI spans go over OTLP/HTTP to {} as service {}", url, service);
        return SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service))))
                .addSpanProcessor(BatchSpanProcessor.builder(
                        OtlpHttpSpanExporter.builder().setEndpoint(url).build()).build())
                .build();
    }

    @Bean
    Tracer completionTracer(ObjectProvider<SdkTracerProvider> own, ObjectProvider<OpenTelemetry> application) {
        SdkTracerProvider provider = own.getIfUnique();
        if (provider != null) {
            return provider.get(CompletionSpans.SCOPE);
        }
        OpenTelemetry telemetry = application.getIfUnique(GlobalOpenTelemetry::get);
        return telemetry.getTracer(CompletionSpans.SCOPE);
    }

    @Bean
    CompletionMetrics completionMetrics(MeterRegistry registry, Completions completions) {
        var metrics = new CompletionMetrics(registry);
        completions.observe(metrics);
        return metrics;
    }

    @Bean
    CompletionSpans completionSpans(Tracer completionTracer, Completions completions) {
        var spans = new CompletionSpans(completionTracer);
        completions.observe(spans);
        return spans;
    }
}
