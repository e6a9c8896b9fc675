package dev.switchboard.testkit;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fixture JSON form of a {@link ChatEvent}, one object per line of {@code expected-events.jsonl}:
 * <pre>
 * {"type":"started","id":"chatcmpl-1","provider":"openai","model":"gpt-4o-mini"}
 * {"type":"text","text":"Hel"}                 {"type":"reasoning","text":"..."}
 * {"type":"tool_call","index":0,"id":"call_1","name":"get_weather"}
 * {"type":"tool_args","index":0,"json":"{\"city\""}
 * {"type":"usage","input":12,"output":5,"cachedInput":0,"cacheWrite":0,"reasoning":0}   (missing counts are 0)
 * {"type":"signature","signature":"EqQB...","provider":"anthropic"}   {"type":"redacted","data":"...","provider":"anthropic"}
 * {"type":"finished","reason":"STOP"}          {"type":"finished","reason":"STOP","stopSequence":"END"}
 * </pre>
 */
public final class ChatEventJson {

    private static final JsonMapper JSON = new JsonMapper();

    private ChatEventJson() {}

    public static ChatEvent read(String line) {
        return read(JSON.readTree(line));
    }

    public static ChatEvent read(JsonNode n) {
        String type = n.path("type").asString();
        return switch (type) {
            case "started" -> new ChatEvent.Started(n.path("id").asString(),
                    new ResolvedModel(n.path("provider").asString(), n.path("model").asString()));
            case "text" -> new ChatEvent.TextDelta(n.path("text").asString());
            case "reasoning" -> new ChatEvent.ReasoningDelta(n.path("text").asString());
            case "tool_call" -> new ChatEvent.ToolCallStarted(n.path("index").asInt(), n.path("id").asString(),
                    n.path("name").asString());
            case "tool_args" -> new ChatEvent.ToolCallArgumentsDelta(n.path("index").asInt(), n.path("json").asString());
            case "usage" -> new ChatEvent.UsageReported(new TokenUsage(n.path("input").asLong(), n.path("output").asLong(),
                    n.path("cachedInput").asLong(), n.path("cacheWrite").asLong(), n.path("reasoning").asLong()));
            case "signature" -> new ChatEvent.ReasoningSignature(n.path("signature").asString(), n.path("provider").asString());
            case "redacted" -> new ChatEvent.RedactedReasoning(n.path("data").asString(), n.path("provider").asString());
            case "finished" -> new ChatEvent.Finished(FinishReason.valueOf(n.path("reason").asString()),
                    n.hasNonNull("stopSequence") ? n.get("stopSequence").asString() : null);
            default -> throw new IllegalArgumentException("unknown event type '" + type
                    + "' (expected started, text, reasoning, signature, redacted, tool_call, tool_args, usage or finished)");
        };
    }

    public static String write(ChatEvent event) {
        ObjectNode n = JSON.createObjectNode();
        switch (event) {
            case ChatEvent.Started s -> n.put("type", "started").put("id", s.responseId())
                    .put("provider", s.model().provider()).put("model", s.model().model());
            case ChatEvent.TextDelta d -> n.put("type", "text").put("text", d.text());
            case ChatEvent.ReasoningDelta d -> n.put("type", "reasoning").put("text", d.text());
            case ChatEvent.ToolCallStarted s -> n.put("type", "tool_call").put("index", s.index())
                    .put("id", s.callId()).put("name", s.name());
            case ChatEvent.ToolCallArgumentsDelta d -> n.put("type", "tool_args").put("index", d.index())
                    .put("json", d.jsonFragment());
            case ChatEvent.UsageReported u -> n.put("type", "usage").put("input", u.usage().input())
                    .put("output", u.usage().output()).put("cachedInput", u.usage().cachedInput())
                    .put("cacheWrite", u.usage().cacheWrite()).put("reasoning", u.usage().reasoning());
            case ChatEvent.ReasoningSignature r -> n.put("type", "signature").put("signature", r.signature())
                    .put("provider", r.provider());
            case ChatEvent.RedactedReasoning r -> n.put("type", "redacted").put("data", r.data()).put("provider", r.provider());
            case ChatEvent.Finished f -> {
                n.put("type", "finished").put("reason", f.reason().name());
                if (f.stopSequence() != null) {
                    n.put("stopSequence", f.stopSequence());
                }
            }
        }
        return n.toString();
    }
}
