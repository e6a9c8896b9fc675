package dev.switchboard.providers.gemini;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A Google RPC error (provider-protocols §3.6), read leniently, also when wrapped in an array:
 * {@code {"error":{"code":429,"message":..,"status":"RESOURCE_EXHAUSTED","details":[...]}}}. Keeps what mapping
 * needs from {@code details}: ErrorInfo reasons, QuotaFailure quota ids and RetryInfo's delay.
 */
record GeminiErrorBody(int code, @Nullable String message, @Nullable String status, List<String> reasons,
                       List<String> quotaIds, @Nullable Duration retryDelay) {

    private static final GeminiErrorBody EMPTY = new GeminiErrorBody(0, null, null, List.of(), List.of(), null);

    static GeminiErrorBody parse(byte[] body) {
        try {
            JsonNode root = GeminiWire.JSON.readTree(body);
            JsonNode first = root != null && root.isArray() && !root.isEmpty() ? root.get(0) : root;
            return first == null ? EMPTY : from(first.path("error"));
        } catch (JacksonException e) {
            return EMPTY;
        }
    }

    /** The inner {@code error} object. */
    static GeminiErrorBody from(JsonNode error) {
        if (!error.isObject()) {
            return error.isString() ? new GeminiErrorBody(0, error.asString(), null, List.of(), List.of(), null) : EMPTY;
        }
        List<String> reasons = new ArrayList<>();
        List<String> quotaIds = new ArrayList<>();
        Duration retryDelay = null;
        for (JsonNode detail : error.path("details")) {
            if (detail.hasNonNull("reason")) {
                reasons.add(detail.get("reason").asString());
            }
            for (JsonNode violation : detail.path("violations")) {
                if (violation.hasNonNull("quotaId")) {
                    quotaIds.add(violation.get("quotaId").asString());
                }
            }
            if (detail.hasNonNull("retryDelay")) {
                retryDelay = delay(detail.get("retryDelay").asString());
            }
        }
        return new GeminiErrorBody(error.path("code").asInt(0), text(error.get("message")), text(error.get("status")),
                List.copyOf(reasons), List.copyOf(quotaIds), retryDelay);
    }

    /** A protobuf Duration in JSON: decimal seconds with an {@code s} suffix, e.g. {@code 37s} or {@code 1.5s}. */
    static @Nullable Duration delay(String value) {
        String v = value.strip();
        if (!v.endsWith("s")) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(v.substring(0, v.length() - 1));
            return seconds.signum() < 0 ? null : Duration.ofMillis(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        return n == null || n.isNull() ? null : n.asString();
    }
}
