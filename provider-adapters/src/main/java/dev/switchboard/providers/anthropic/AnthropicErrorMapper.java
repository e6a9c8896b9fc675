package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.http.ContextOverflow;
import dev.switchboard.providers.http.ErrorMapper;
import dev.switchboard.providers.http.StatusCategories;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Anthropic errors → GatewayException (provider-protocols §2.8, §5.10, §6.1): by HTTP status, refined by the body's
 * {@code error.type}, its message (context overflow) and {@code error.details.error_code} (spend limit). The same
 * rules classify an {@code error} event inside a 200 stream, by its type.
 */
final class AnthropicErrorMapper implements ErrorMapper {

    private static final String SPEND_LIMIT = "enforced_spend_limit_reached";
    private static final int MESSAGE_LIMIT = 500;

    private final String provider;
    private final @Nullable String apiKey;

    AnthropicErrorMapper(String provider, @Nullable String apiKey) {
        this.provider = provider;
        this.apiKey = apiKey;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public GatewayException map(int status, HttpHeaders headers, byte[] body) {
        AnthropicWire.Error error = parse(body);
        ErrorCategory category = category(status, error);
        boolean spendLimit = error.details() != null && SPEND_LIMIT.equals(error.details().errorCode());
        // a spend cap lasts until the month ends: no hint, so callers fall back instead of waiting
        Duration retryAfter = spendLimit ? null : AnthropicRetryAfter.from(headers, Instant.now());
        return new GatewayException(category, message(error, status),
                GatewayException.Origin.upstream(provider, status, retryAfter));
    }

    /** An {@code error} event in a 200 stream, or a 200 whose body is an error envelope. */
    GatewayException inBand(AnthropicWire.@Nullable Error error) {
        AnthropicWire.Error e = error == null ? new AnthropicWire.Error(null, null, null) : error;
        return new GatewayException(byType(e), message(e, 200), GatewayException.Origin.upstream(provider, 200, null));
    }

    private static ErrorCategory category(int status, AnthropicWire.Error error) {
        return switch (status) {
            case 400 -> overflow(error) ? ErrorCategory.CONTEXT_LENGTH_EXCEEDED : ErrorCategory.INVALID_REQUEST;
            case 402 -> ErrorCategory.UPSTREAM_AUTH_FAILED; // billing: another provider or key may still serve it
            default -> StatusCategories.of(status);
        };
    }

    private static ErrorCategory byType(AnthropicWire.Error error) {
        return switch (error.type() == null ? "" : error.type()) {
            case "invalid_request_error" -> category(400, error);
            case "authentication_error", "permission_error", "billing_error" -> ErrorCategory.UPSTREAM_AUTH_FAILED;
            case "not_found_error" -> ErrorCategory.MODEL_NOT_FOUND;
            case "request_too_large" -> ErrorCategory.PAYLOAD_TOO_LARGE;
            case "rate_limit_error" -> ErrorCategory.RATE_LIMITED;
            case "timeout_error" -> ErrorCategory.UPSTREAM_TIMEOUT;
            default -> ErrorCategory.UPSTREAM_UNAVAILABLE; // api_error, overloaded_error, unknown
        };
    }

    private static boolean overflow(AnthropicWire.Error error) {
        return ContextOverflow.says(error.message());
    }

    private String message(AnthropicWire.Error error, int status) {
        String text = error.message() == null || error.message().isBlank() ? "no error message" : error.message().strip();
        if (apiKey != null && !apiKey.isEmpty()) {
            text = text.replace(apiKey, "***");
        }
        if (text.length() > MESSAGE_LIMIT) {
            text = text.substring(0, MESSAGE_LIMIT) + "…";
        }
        String type = error.type() == null ? "" : error.type() + ", ";
        return provider + ": " + text + " (" + type + "upstream " + status + ")";
    }

    private static AnthropicWire.Error parse(byte[] body) {
        try {
            AnthropicWire.Envelope envelope = AnthropicWire.JSON.readValue(body, AnthropicWire.Envelope.class);
            if (envelope != null && envelope.error() != null) {
                return envelope.error();
            }
        } catch (JacksonException e) {
            // not JSON (an HTML page from a proxy): classify by status alone
        }
        return new AnthropicWire.Error(null, null, null);
    }
}
