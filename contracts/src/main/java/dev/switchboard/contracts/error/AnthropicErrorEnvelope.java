package dev.switchboard.contracts.error;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Anthropic's error body, {@code {"type":"error","error":{"type","message"}}}, with the status Anthropic would
 * send, for every failure on {@code /v1/messages}. An unavailable upstream is {@code overloaded_error} with 529, which
 * Anthropic's SDKs retry like Anthropic's own overload.
 */
public final class AnthropicErrorEnvelope {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AnthropicErrorEnvelope() {
    }

    public static byte[] body(GatewayException e) {
        var out = new ByteArrayOutputStream(160);
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            write(gen, e);
        }
        return out.toByteArray();
    }

    /** The whole {@code {"type":"error",...}} object, also the data of an in-stream {@code error} event. */
    public static void write(JsonGenerator gen, GatewayException e) {
        gen.writeStartObject();
        gen.writeStringProperty("type", "error");
        gen.writeObjectPropertyStart("error");
        gen.writeStringProperty("type", type(e.category()));
        gen.writeStringProperty("message", e.getMessage());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    public static int status(ErrorCategory category) {
        return switch (category) {
            case UPSTREAM_UNAVAILABLE -> 529;
            case UPSTREAM_AUTH_FAILED, UPSTREAM_REJECTED, INTERNAL -> 500;
            default -> category.status();
        };
    }

    public static String type(ErrorCategory category) {
        return switch (category) {
            case INVALID_REQUEST, CONTEXT_LENGTH_EXCEEDED, UNSUPPORTED_CAPABILITY, CONTENT_FILTERED -> "invalid_request_error";
            case UNAUTHENTICATED -> "authentication_error";
            case POLICY_DENIED -> "permission_error";
            case MODEL_NOT_FOUND -> "not_found_error";
            case PAYLOAD_TOO_LARGE -> "request_too_large";
            case BUDGET_EXCEEDED -> "billing_error";
            case RATE_LIMITED -> "rate_limit_error";
            case UPSTREAM_TIMEOUT -> "timeout_error";
            case UPSTREAM_UNAVAILABLE -> "overloaded_error";
            case UPSTREAM_AUTH_FAILED, UPSTREAM_REJECTED, INTERNAL -> "api_error";
        };
    }
}
