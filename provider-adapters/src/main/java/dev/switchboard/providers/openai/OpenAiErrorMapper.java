package dev.switchboard.providers.openai;

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
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Upstream errors → GatewayException by status, refined by the body (provider-protocols §5.10, §6). */
final class OpenAiErrorMapper implements ErrorMapper {

    private static final int MESSAGE_LIMIT = 500;

    private final String provider;
    private final OpenAiDialect dialect;
    private final @Nullable String apiKey;

    OpenAiErrorMapper(String provider, OpenAiDialect dialect, @Nullable String apiKey) {
        this.provider = provider;
        this.dialect = dialect;
        this.apiKey = apiKey;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public GatewayException map(int status, HttpHeaders headers, byte[] body) {
        OpenAiErrorEnvelope envelope = OpenAiErrorEnvelope.parse(body);
        Duration retryAfter = RetryAfter.from(headers, envelope.message(), Instant.now());
        return new GatewayException(category(status, envelope), message(envelope, status),
                GatewayException.Origin.upstream(provider, status, retryAfter));
    }

    /** An error object inside a 200 stream: {@code data: {"error":{...}}}, OpenRouter with a numeric code. */
    GatewayException inStream(JsonNode error) {
        OpenAiErrorEnvelope envelope = error.isString() ? new OpenAiErrorEnvelope(error.asString(), null, null)
                : OpenAiErrorEnvelope.from(OpenAiWire.JSON.createObjectNode().set("error", error));
        Integer numeric = numeric(envelope.code());
        ErrorCategory category = numeric != null ? category(numeric, envelope) : inStreamCategory(envelope);
        Duration retryAfter = RetryAfter.from(EmptyHttpHeaders.INSTANCE, envelope.message(), Instant.now());
        return new GatewayException(category, message(envelope, 200), GatewayException.Origin.upstream(provider, 200, retryAfter));
    }

    GatewayException finishedWithError() {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                provider + ": upstream ended the stream with finish_reason error (upstream 200)",
                GatewayException.Origin.upstream(provider, 200, null));
    }

    private ErrorCategory category(int status, OpenAiErrorEnvelope envelope) {
        ErrorCategory byStatus = StatusCategories.of(status);
        if (status != 400) {
            return byStatus;
        }
        String text = (envelope.code() + " " + envelope.message()).toLowerCase(Locale.ROOT);
        if (ContextOverflow.says(text)) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        if (dialect.badKeyAs400() && (text.contains("api key") || text.contains("api_key"))) {
            return ErrorCategory.UPSTREAM_AUTH_FAILED;
        }
        return byStatus;
    }

    private static ErrorCategory inStreamCategory(OpenAiErrorEnvelope envelope) {
        String text = (envelope.code() + " " + envelope.type()).toLowerCase(Locale.ROOT);
        if (text.contains("rate_limit")) {
            return ErrorCategory.RATE_LIMITED;
        }
        if (text.contains("context_length_exceeded")) {
            return ErrorCategory.CONTEXT_LENGTH_EXCEEDED;
        }
        return ErrorCategory.UPSTREAM_UNAVAILABLE;
    }

    private String message(OpenAiErrorEnvelope envelope, int status) {
        String text = envelope.message() == null || envelope.message().isBlank()
                ? "no error message" : envelope.message().strip();
        if (apiKey != null && !apiKey.isEmpty()) {
            text = text.replace(apiKey, "***");
        }
        if (text.length() > MESSAGE_LIMIT) {
            text = text.substring(0, MESSAGE_LIMIT) + "…";
        }
        return provider + ": " + text + " (upstream " + status + ")";
    }

    private static @Nullable Integer numeric(@Nullable String code) {
        if (code == null || code.length() != 3) {
            return null;
        }
        try {
            return Integer.parseInt(code);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
