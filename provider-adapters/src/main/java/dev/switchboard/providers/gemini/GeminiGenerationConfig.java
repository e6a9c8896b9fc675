package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Sampling;
import tools.jackson.databind.node.ObjectNode;

/** {@code generationConfig}: sampling, output format and thinking (provider-protocols §3.2, §5.3, §5.5). */
final class GeminiGenerationConfig {

    private GeminiGenerationConfig() {}

    /** The config to send; empty when the caller set nothing. */
    static ObjectNode of(ChatRequest request, boolean gemini3) {
        ObjectNode config = GeminiWire.JSON.createObjectNode();
        sampling(config, request.sampling());
        format(config, request.options().responseFormat());
        ChatRequest.Thinking thinking = request.options().thinking();
        if (thinking != null) {
            config.set("thinkingConfig", thinking(thinking, gemini3));
        }
        return config;
    }

    private static void sampling(ObjectNode config, Sampling s) {
        if (s.temperature() != null) {
            config.put("temperature", s.temperature());
        }
        if (s.topP() != null) {
            config.put("topP", s.topP());
        }
        if (s.topK() != null) {
            config.put("topK", s.topK());
        }
        if (s.maxOutputTokens() != null) {
            config.put("maxOutputTokens", s.maxOutputTokens());
        }
        if (!s.stop().isEmpty()) {
            s.stop().forEach(config.putArray("stopSequences")::add);
        }
        if (s.seed() != null) {
            config.put("seed", s.seed());
        }
        if (s.penalties().presence() != null) {
            config.put("presencePenalty", s.penalties().presence());
        }
        if (s.penalties().frequency() != null) {
            config.put("frequencyPenalty", s.penalties().frequency());
        }
    }

    /** A JSON schema goes as {@code responseJsonSchema} (full JSON Schema), avoiding responseSchema's OpenAPI subset. */
    private static void format(ObjectNode config, ResponseFormat format) {
        switch (format) {
            case ResponseFormat.Text t -> { }
            case ResponseFormat.JsonObject j -> config.put("responseMimeType", "application/json");
            case ResponseFormat.JsonSchema schema -> {
                config.put("responseMimeType", "application/json");
                if (schema.schemaJson() != null) {
                    config.set("responseJsonSchema",
                            GeminiParts.json(schema.schemaJson(), "response_format", "response schema '" + schema.name() + "'"));
                }
            }
        }
    }

    /** Gemini 3 takes a level, 2.5 a token budget; off is level low (3 cannot turn thinking off) or budget 0. */
    private static ObjectNode thinking(ChatRequest.Thinking thinking, boolean gemini3) {
        ObjectNode config = GeminiWire.JSON.createObjectNode();
        if (!thinking.enabled()) {
            return gemini3 ? config.put("thinkingLevel", "low") : config.put("thinkingBudget", 0);
        }
        config.put("includeThoughts", true);
        if (gemini3) {
            return config.put("thinkingLevel", switch (thinking.effortOr("high")) {
                case "none", "minimal", "low" -> "low";
                default -> "high";
            });
        }
        return config.put("thinkingBudget", thinking.budgetOr(1024));
    }
}
