package dev.switchboard.testkit;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.Sampling;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the fixture JSON form of a {@link ChatRequest} ({@code request.json}); the format is described in the
 * testkit README. Absent fields take the canonical defaults.
 */
public final class ChatRequestJson {

    private static final JsonMapper JSON = new JsonMapper();

    private ChatRequestJson() {}

    public static ChatRequest read(String json) {
        JsonNode n = JSON.readTree(json);
        List<Message> messages = new ArrayList<>();
        n.path("messages").forEach(m -> messages.add(message(m)));
        List<ToolSpec> tools = new ArrayList<>();
        n.path("tools").forEach(t -> tools.add(new ToolSpec(t.path("name").asString(), text(t, "description"),
                t.has("parameters") ? t.get("parameters").toString() : null, t.path("strict").asBoolean(false))));
        var options = new ChatRequest.Options(toolChoice(n.get("toolChoice")), n.path("parallelToolCalls").asBoolean(true),
                responseFormat(n.get("responseFormat")), thinking(n.get("thinking")), text(n, "user"));
        return new ChatRequest(n.path("model").asString(), messages, tools, sampling(n.path("sampling")), options);
    }

    private static Message message(JsonNode m) {
        Role role = Role.valueOf(m.path("role").asString().toUpperCase(Locale.ROOT));
        JsonNode content = m.path("content");
        List<ContentPart> parts = new ArrayList<>();
        if (content.isString()) {
            parts.add(new ContentPart.Text(content.asString()));
        } else {
            content.forEach(p -> parts.add(part(p)));
        }
        return new Message(role, parts, text(m, "name"));
    }

    static ContentPart part(JsonNode p) {
        String type = p.path("type").asString();
        return switch (type) {
            case "text" -> new ContentPart.Text(p.path("text").asString());
            case "image" -> new ContentPart.ImageRef(p.path("url").asString(), text(p, "detail"));
            case "tool_call" -> new ContentPart.ToolCall(p.path("id").asString(), p.path("name").asString(),
                    p.path("arguments").asString());
            case "tool_result" -> new ContentPart.ToolResult(p.path("callId").asString(), p.path("content").asString(),
                    p.path("isError").asBoolean(false));
            case "reasoning" -> new ContentPart.Reasoning(p.path("text").asString(), text(p, "signature"),
                    text(p, "provider"));
            case "redacted" -> new ContentPart.RedactedReasoning(p.path("data").asString(), p.path("provider").asString());
            case "cache" -> new ContentPart.CacheBreakpoint(text(p, "ttl"));
            default -> throw new IllegalArgumentException("unknown content part type '" + type
                    + "' (expected text, image, tool_call, tool_result, reasoning, redacted or cache)");
        };
    }

    /** {@code {"enabled":true,"budgetTokens":2048,"effort":"high"}}, each field optional. */
    private static ChatRequest.@Nullable Thinking thinking(@Nullable JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        return new ChatRequest.Thinking(n.path("enabled").asBoolean(true),
                n.has("budgetTokens") ? n.get("budgetTokens").asInt() : null, text(n, "effort"));
    }

    private static ToolChoice toolChoice(@Nullable JsonNode n) {
        if (n == null || n.isNull()) {
            return ToolChoice.AUTO;
        }
        if (n.isObject()) {
            return new ToolChoice.Named(n.path("name").asString());
        }
        return switch (n.asString()) {
            case "none" -> ToolChoice.NONE;
            case "required" -> ToolChoice.REQUIRED;
            default -> ToolChoice.AUTO;
        };
    }

    private static ResponseFormat responseFormat(@Nullable JsonNode n) {
        if (n == null || n.isNull()) {
            return ResponseFormat.TEXT;
        }
        String type = n.isString() ? n.asString() : n.path("type").asString();
        return switch (type) {
            case "json_object" -> new ResponseFormat.JsonObject();
            case "json_schema" -> new ResponseFormat.JsonSchema(n.path("name").asString(),
                    n.has("schema") ? n.get("schema").toString() : null, n.path("strict").asBoolean(false));
            default -> ResponseFormat.TEXT;
        };
    }

    private static Sampling sampling(JsonNode s) {
        List<String> stop = new ArrayList<>();
        s.path("stop").forEach(x -> stop.add(x.asString()));
        return new Sampling(number(s, "temperature"), number(s, "topP"),
                s.has("maxOutputTokens") ? s.get("maxOutputTokens").asInt() : null, stop,
                s.has("seed") ? s.get("seed").asLong() : null,
                new Sampling.Penalties(number(s, "presencePenalty"), number(s, "frequencyPenalty")),
                s.has("topK") ? s.get("topK").asInt() : null);
    }

    private static @Nullable Double number(JsonNode n, String field) {
        return n.has(field) ? n.get(field).asDouble() : null;
    }

    private static @Nullable String text(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull() ? n.get(field).asString() : null;
    }
}
