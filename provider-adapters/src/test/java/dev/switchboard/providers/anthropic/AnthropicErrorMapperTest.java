package dev.switchboard.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AnthropicErrorMapperTest {

    private static final Instant NOW = Instant.parse("2025-11-25T10:00:00Z");
    private final AnthropicErrorMapper errors = new AnthropicErrorMapper("claude", "sk-ant-secret");

    @Test
    void recognisesBothContextOverflowPhrasings() {
        assertThat(map(400, "invalid_request_error", "input length and `max_tokens` exceed context limit: 178959 + 64000 > 200000")
                .category()).isEqualTo(ErrorCategory.CONTEXT_LENGTH_EXCEEDED);
        assertThat(map(400, "invalid_request_error", "messages.1.content: empty").category())
                .isEqualTo(ErrorCategory.INVALID_REQUEST);
    }

    @Test
    void namesTheProviderAndTheTypeButNeverTheKey() {
        GatewayException e = map(401, "authentication_error", "invalid x-api-key sk-ant-secret");

        assertThat(e.getMessage()).isEqualTo("claude: invalid x-api-key *** (authentication_error, upstream 401)");
        assertThat(e.provider()).isEqualTo("claude");
        assertThat(e.upstreamStatus()).isEqualTo(401);
    }

    @Test
    void classifiesANonJsonBodyByStatusAlone() {
        GatewayException e = errors.map(502, EmptyHttpHeaders.INSTANCE, "<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("claude: no error message (upstream 502)");
    }

    @Test
    void classifiesInStreamErrorsByType() {
        assertThat(inBand("overloaded_error").category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE);
        assertThat(inBand("rate_limit_error").category()).isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(inBand("timeout_error").category()).isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT);
        assertThat(inBand("permission_error").category()).isEqualTo(ErrorCategory.UPSTREAM_AUTH_FAILED);
        assertThat(inBand("invalid_request_error").category()).isEqualTo(ErrorCategory.INVALID_REQUEST);
        assertThat(inBand("something_new").category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE);
        assertThat(errors.inBand(null).getMessage()).isEqualTo("claude: no error message (upstream 200)");
    }

    @Test
    void waitsForTheLatestResetAmongExhaustedLimits() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .set("anthropic-ratelimit-requests-remaining", "12")
                .set("anthropic-ratelimit-requests-reset", "2025-11-25T10:00:01Z")
                .set("anthropic-ratelimit-input-tokens-remaining", "0")
                .set("anthropic-ratelimit-input-tokens-reset", "2025-11-25T10:00:20Z")
                .set("anthropic-ratelimit-output-tokens-remaining", "0")
                .set("anthropic-ratelimit-output-tokens-reset", "2025-11-25T10:00:07.5Z");

        assertThat(AnthropicRetryAfter.from(headers, NOW)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void takesTheEarliestResetWhenNoLimitSaysExhausted() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .set("anthropic-ratelimit-requests-reset", "2025-11-25T10:00:09Z")
                .set("anthropic-ratelimit-tokens-reset", "2025-11-25T10:00:03Z");

        assertThat(AnthropicRetryAfter.from(headers, NOW)).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void prefersRetryAfterOverResetTimestamps() {
        HttpHeaders headers = new DefaultHttpHeaders().set("retry-after", "4")
                .set("anthropic-ratelimit-requests-reset", "2025-11-25T10:00:30Z");

        assertThat(AnthropicRetryAfter.from(headers, NOW)).isEqualTo(Duration.ofSeconds(4));
        assertThat(AnthropicRetryAfter.from(EmptyHttpHeaders.INSTANCE, NOW)).isNull();
    }

    private GatewayException map(int status, String type, String message) {
        String body = AnthropicWire.JSON.createObjectNode().put("type", "error")
                .set("error", AnthropicWire.JSON.createObjectNode().put("type", type).put("message", message)).toString();
        return errors.map(status, EmptyHttpHeaders.INSTANCE, body.getBytes(StandardCharsets.UTF_8));
    }

    private GatewayException inBand(String type) {
        return errors.inBand(new AnthropicWire.Error(type, "m", null));
    }
}
