package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.http.ContextOverflow;
import dev.switchboard.providers.http.ErrorMapper;
import dev.switchboard.providers.http.RetryAfter;
import dev.switchboard.providers.http.StatusCategories;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Gemini errors → GatewayException (provider-protocols §3.6, §5.10, §6.2): a 400 with reason API_KEY_INVALID is a bad
 * credential, a 400 about the input token count a context overflow; a 429 waits for RetryInfo's delay unless the
 * quota is per day, which will not clear soon. Other statuses map as for every provider.
 */
final class GeminiErrorMapper implements ErrorMapper {

    private static final int MESSAGE_LIMIT = 500;

    private final String provider;
    private final @Nullable String apiKey;

    GeminiErrorMapper(String provider, @Nullable String apiKey) {
        this.provider = provider;
        this.apiKey = apiKey;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public GatewayException map(int status, HttpHeaders headers, byte[] body) {
        return exception(status, headers, GeminiErrorBody.parse(body));
    }

    /** An {@code error} object inside a 200 stream; its {@code code} is the HTTP status it stands for. */
    GatewayException inStream(JsonNode error) {
        GeminiErrorBody body = GeminiErrorBody.from(error);
        return exception(body.code() >= 400 ? body.code() : 500, EmptyHttpHeaders.INSTANCE, body);
    }

    private GatewayException exception(int status, HttpHeaders headers, GeminiErrorBody body) {
        ErrorCategory category = category(status, body);
        Duration retryAfter = category == ErrorCategory.RATE_LIMITED ? retryAfter(headers, body) : null;
        return new GatewayException(category, message(status, body),
                GatewayException.Origin.upstream(provider, status, retryAfter));
    }

    private static ErrorCategory category(int status, GeminiErrorBody body) {
        if (status != 400) {
            return StatusCategories.of(status);
        }
        if (body.reasons().contains("API_KEY_INVALID")) {
            return ErrorCategory.UPSTREAM_AUTH_FAILED;
        }
        if (ContextOverflow.says(body.message())) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        return ErrorCategory.INVALID_REQUEST;
    }

    /** Headers first (§6.2), then RetryInfo; none for a per-day quota, so callers fail over instead of waiting. */
    private static @Nullable Duration retryAfter(HttpHeaders headers, GeminiErrorBody body) {
        if (body.quotaIds().stream().anyMatch(id -> id.contains("PerDay"))) {
            return null;
        }
        Duration fromHeaders = RetryAfter.from(headers, null, Instant.now());
        return fromHeaders != null ? fromHeaders : body.retryDelay();
    }

    private String message(int status, GeminiErrorBody body) {
        String text = body.message() == null || body.message().isBlank() ? "no error message" : body.message().strip();
        if (apiKey != null && !apiKey.isEmpty()) {
            text = text.replace(apiKey, "***");
        }
        if (text.length() > MESSAGE_LIMIT) {
            text = text.substring(0, MESSAGE_LIMIT) + "…";
        }
        String upstream = body.status() == null ? String.valueOf(status) : status + " " + body.status();
        return provider + ": " + text + " (upstream " + upstream + ")";
    }
}
