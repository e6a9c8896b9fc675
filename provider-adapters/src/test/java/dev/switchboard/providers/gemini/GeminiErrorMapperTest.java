package dev.switchboard.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GeminiErrorMapperTest {

    private final GeminiErrorMapper errors = new GeminiErrorMapper("gem", "AIza-secret");

    private GatewayException map(int status, String body) {
        return errors.map(status, EmptyHttpHeaders.INSTANCE, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsFractionalRetryDelays() {
        assertThat(GeminiErrorBody.delay("1.5s")).isEqualTo(Duration.ofMillis(1500));
        assertThat(GeminiErrorBody.delay("37s")).isEqualTo(Duration.ofSeconds(37));
        assertThat(GeminiErrorBody.delay("soon")).isNull();
    }

    @Test
    void prefersARetryAfterHeaderToTheBodyDelay() {
        var headers = new DefaultHttpHeaders().add("retry-after", "3");
        GatewayException e = errors.map(429, headers, """
                {"error":{"code":429,"status":"RESOURCE_EXHAUSTED","message":"slow down",
                  "details":[{"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"37s"}]}}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void mapsStatusesWithoutABodyLikeEveryProvider() {
        assertThat(map(403, "").category()).isEqualTo(ErrorCategory.UPSTREAM_AUTH_FAILED);
        assertThat(map(404, "not json").category()).isEqualTo(ErrorCategory.MODEL_NOT_FOUND);
        assertThat(map(500, "").category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE);
        assertThat(map(504, "").category()).isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT);
        assertThat(map(400, "").category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(map(500, "").getMessage()).isEqualTo("gem: no error message (upstream 500)");
    }

    @Test
    void namesTheProviderAndStatusAndHidesTheKey() {
        GatewayException e = map(400, """
                {"error":{"code":400,"status":"INVALID_ARGUMENT","message":"bad key AIza-secret",
                  "details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}""");
        assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_AUTH_FAILED);
        assertThat(e.getMessage()).isEqualTo("gem: bad key *** (upstream 400 INVALID_ARGUMENT)");
        assertThat(e.provider()).isEqualTo("gem");
        assertThat(e.upstreamStatus()).isEqualTo(400);
    }

    @Test
    void mapsAnErrorInsideAStreamByItsCode() {
        GatewayException e = errors.inStream(GeminiWire.JSON.readTree("""
                {"code":503,"status":"UNAVAILABLE","message":"overloaded"}"""));
        assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).startsWith("gem: overloaded");
    }
}
