package dev.switchboard.router.matrix;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a {@link Spec} as the body a caller of each ingress would send. */
final class IngressWire {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String WEATHER_SCHEMA = """
            {"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";
    static final String ANSWER_SCHEMA = """
            {"type":"object","properties":{"answer":{"type":"string"}},"required":["answer"]}""";

    private IngressWire() {
    }

    static String openAi(Spec spec, String model, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", 256).put("stream", stream);
        if (stream) {
            body.putObject("stream_options").put("include_usage", true);
        }
        ArrayNode messages = body.putArray("messages");
        if (spec.system() != null) {
            messages.addObject().put("role", "system").put("content", spec.system());
        }
        for (Spec.Turn turn : spec.turns()) {
            switch (turn) {
                case Spec.Turn.User u -> {
                    ObjectNode m = messages.addObject().put("role", "user");
                    ArrayNode parts = m.putArray("content");
                    parts.addObject().put("type", "text").put("text", u.text());
                    if (u.image()) {
                        parts.addObject().put("type", "image_url").putObject("image_url")
                                .put("url", "data:image/png;base64," + Spec.IMAGE_B64);
                    }
                }
                case Spec.Turn.Assistant a -> messages.addObject().put("role", "assistant").put("content", a.text());
                case Spec.Turn.AssistantCall c -> {
                    ObjectNode call = messages.addObject().put("role", "assistant").putNull("content")
                            .putArray("tool_calls").addObject().put("id", c.id()).put("type", "function");
                    call.putObject("function").put("name", c.name()).put("arguments", c.argumentsJson());
                }
                case Spec.Turn.ToolResult r -> messages.addObject().put("role", "tool").put("tool_call_id", r.callId())
                        .put("content", r.content());
            }
        }
        if (spec.tools()) {
            ObjectNode function = body.putArray("tools").addObject().put("type", "function").putObject("function");
            function.put("name", "get_weather").put("description", "Current weather in a city");
            function.set("parameters", JSON.readTree(WEATHER_SCHEMA));
        }
        if (spec.jsonSchema()) {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema").putObject("json_schema");
            schema.put("name", "answer").put("strict", true).set("schema", JSON.readTree(ANSWER_SCHEMA));
        }
        if (spec.thinking()) {
            body.put("reasoning_effort", "high");
        }
        return body.toString();
    }

    static String anthropic(Spec spec, String model, boolean stream) {
        ObjectNode body = JSON.createObjectNode().put("model", model).put("max_tokens", 256).put("stream", stream);
        if (spec.system() != null) {
            body.putArray("system").addObject().put("type", "text").put("text", spec.system());
        }
        ArrayNode messages = body.putArray("messages");
        for (Spec.Turn turn : spec.turns()) {
            switch (turn) {
                case Spec.Turn.User u -> {
                    ArrayNode blocks = messages.addObject().put("role", "user").putArray("content");
                    if (u.image()) {
                        blocks.addObject().put("type", "image").putObject("source").put("type", "base64")
                                .put("media_type", "image/png").put("data", Spec.IMAGE_B64);
                    }
                    blocks.addObject().put("type", "text").put("text", u.text());
                }
                case Spec.Turn.Assistant a -> messages.addObject().put("role", "assistant").put("content", a.text());
                case Spec.Turn.AssistantCall c -> messages.addObject().put("role", "assistant").putArray("content")
                        .addObject().put("type", "tool_use").put("id", c.id()).put("name", c.name())
                        .set("input", JSON.readTree(c.argumentsJson()));
                case Spec.Turn.ToolResult r -> messages.addObject().put("role", "user").putArray("content").addObject()
                        .put("type", "tool_result").put("tool_use_id", r.callId()).put("content", r.content());
            }
        }
        if (spec.tools()) {
            ObjectNode tool = body.putArray("tools").addObject().put("name", "get_weather")
                    .put("description", "Current weather in a city");
            tool.set("input_schema", JSON.readTree(WEATHER_SCHEMA));
        }
        ObjectNode outputConfig = null;
        if (spec.jsonSchema()) {
            outputConfig = body.putObject("output_config");
            outputConfig.putObject("format").put("type", "json_schema").set("schema", JSON.readTree(ANSWER_SCHEMA));
        }
        if (spec.thinking()) {
            body.putObject("thinking").put("type", "adaptive");
            (outputConfig == null ? body.putObject("output_config") : outputConfig).put("effort", "high");
        }
        return body.toString();
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }
}
