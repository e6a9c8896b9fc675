package dev.switchboard.router.telemetry;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.telemetry.*}.
 *
 * @param otlpEndpoint where the GenAI spans go over OTLP/HTTP (protobuf): the collector's base URL
 *                     ({@code http://collector:4318}, {@code /v1/traces} is added) or the full traces URL; unset: the
 *                     router exports nothing itself (an attached OpenTelemetry Java agent still gets the spans)
 * @param serviceName  the spans' {@code service.name}; unset: {@code spring.application.name}
 */
@ConfigurationProperties("switchboard.telemetry")
public record TelemetryProperties(@Nullable String otlpEndpoint, @Nullable String serviceName) {

    /** The traces URL to post to, or {@code null} when export is off. */
    public @Nullable String tracesUrl() {
        if (otlpEndpoint == null || otlpEndpoint.isBlank()) {
            return null;
        }
        String url = otlpEndpoint.strip();
        if (url.endsWith("/v1/traces")) {
            return url;
        }
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/v1/traces";
    }
}
