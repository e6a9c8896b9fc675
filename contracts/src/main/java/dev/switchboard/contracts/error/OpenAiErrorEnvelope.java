package dev.switchboard.contracts.error;

import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * OpenAI's error body, {@code {"error":{"message","type","param","code"}}}, for every failure on an OpenAI
 * route, whether the edge or the router noticed it. Official SDKs pick the exception class from the status.
 */
public final class OpenAiErrorEnvelope {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OpenAiErrorEnvelope() {
    }

    public static byte[] body(GatewayException e) {
        var out = new ByteArrayOutputStream(160);
        try (JsonGenerator gen = JSON.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeName("error");
            write(gen, e);
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    /** Writes the inner error object, also used for in-stream error events. */
    public static void write(JsonGenerator gen, GatewayException e) {
        gen.writeStartObject();
        gen.writeStringProperty("message", e.getMessage());
        gen.writeStringProperty("type", type(e.category()));
        gen.writeStringProperty("param", e.param());
        gen.writeStringProperty("code", code(e.category()));
        gen.writeEndObject();
    }

    static String type(ErrorCategory category) {
        return switch (category) {
            case INVALID_REQUEST, MODEL_NOT_FOUND, PAYLOAD_TOO_LARGE, CONTEXT_LENGTH_EXCEEDED,
                 UNSUPPORTED_CAPABILITY, CONTENT_FILTERED -> "invalid_request_error";
            case UNAUTHENTICATED -> "authentication_error";
            case POLICY_DENIED -> "permission_error";
            case BUDGET_EXCEEDED -> "insufficient_quota";
            case RATE_LIMITED -> "rate_limit_error";
            case UPSTREAM_TIMEOUT -> "timeout_error";
            case UPSTREAM_AUTH_FAILED, UPSTREAM_REJECTED, UPSTREAM_UNAVAILABLE, INTERNAL -> "server_error";
        };
    }

    static String code(ErrorCategory category) {
        return switch (category) {
            case INVALID_REQUEST -> "invalid_request";
            case UNAUTHENTICATED -> "invalid_api_key";
            case POLICY_DENIED -> "model_not_allowed";
            case MODEL_NOT_FOUND -> "model_not_found";
            case PAYLOAD_TOO_LARGE -> "request_too_large";
            case CONTEXT_LENGTH_EXCEEDED -> "context_length_exceeded";
            case UNSUPPORTED_CAPABILITY -> "unsupported_capability";
            case CONTENT_FILTERED -> "content_filter";
            case BUDGET_EXCEEDED -> "budget_exceeded";
            case RATE_LIMITED -> "rate_limit_exceeded";
            case UPSTREAM_AUTH_FAILED -> "upstream_auth_failed";
            case UPSTREAM_REJECTED -> "upstream_rejected";
            case UPSTREAM_UNAVAILABLE -> "upstream_unavailable";
            case UPSTREAM_TIMEOUT -> "upstream_timeout";
            case INTERNAL -> "internal_error";
        };
    }
}
