package dev.switchboard.providers.openai;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The message, code and type of an upstream error, read leniently from every envelope the dialects use:
 * nested {@code {error:{message,type,code}}} (OpenAI, Groq; OpenRouter with a numeric code), flat
 * {@code {object:error,message,code}} (Mistral), {@code {code,error:"..."}} (xAI), {@code {detail:...}} (DeepInfra),
 * and any of them wrapped in an array (Gemini).
 */
record OpenAiErrorEnvelope(@Nullable String message, @Nullable String code, @Nullable String type) {

    static OpenAiErrorEnvelope parse(byte[] body) {
        try {
            return from(OpenAiWire.JSON.readTree(body));
        } catch (JacksonException e) {
            return new OpenAiErrorEnvelope(null, null, null);
        }
    }

    static OpenAiErrorEnvelope from(@Nullable JsonNode node) {
        if (node == null) {
            return new OpenAiErrorEnvelope(null, null, null);
        }
        JsonNode n = node.isArray() && !node.isEmpty() ? node.get(0) : node;
        JsonNode error = n.get("error");
        if (error != null && error.isObject()) {
            return new OpenAiErrorEnvelope(text(error.get("message")), text(error.get("code")), text(error.get("type")));
        }
        if (error != null && error.isString()) {
            return new OpenAiErrorEnvelope(error.asString(), text(n.get("code")), null);
        }
        JsonNode detail = n.get("detail");
        if (detail != null) {
            return new OpenAiErrorEnvelope(detail(detail), null, null);
        }
        return new OpenAiErrorEnvelope(text(n.get("message")), text(n.get("code")), text(n.get("type")));
    }

    private static @Nullable String detail(JsonNode detail) {
        if (!detail.isArray()) {
            return text(detail);
        }
        var sb = new StringBuilder();
        for (JsonNode item : detail) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(item.has("msg") ? item.get("msg").asString() : item.toString());
        }
        return sb.toString();
    }

    private static @Nullable String text(@Nullable JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        return n.isValueNode() ? n.asString() : n.toString();
    }
}
