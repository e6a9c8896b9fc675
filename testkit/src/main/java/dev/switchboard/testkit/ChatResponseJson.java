package dev.switchboard.testkit;

import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fixture JSON form of a {@link ChatResponse} ({@code expected-response.json}):
 * <pre>
 * {"id":"chatcmpl-1","provider":"openai","model":"gpt-4o-mini","text":"Hello","reasoning":"",
 *  "toolCalls":[{"id":"call_1","name":"get_weather","arguments":"{\"city\":\"Paris\"}"}],
 *  "finishReason":"STOP","usage":{"input":12,"output":5,"cachedInput":0,"cacheWrite":0,"reasoning":0}}
 * </pre>
 * {@code text} and {@code reasoning} default to "", {@code toolCalls} to none, missing counts to 0; no {@code usage}
 * means the upstream reported none. When the order of parts or signatures matter, {@code content} replaces
 * {@code text}, {@code reasoning} and {@code toolCalls} with the parts in request.json's form
 * ({@code [{"type":"reasoning","text":"..","signature":"..","provider":"anthropic"},{"type":"text","text":".."}]});
 * {@code "stopSequence":"END"} names the matched stop sequence.
 */
public final class ChatResponseJson {

    private static final JsonMapper JSON = new JsonMapper();

    private ChatResponseJson() {}

    public static ChatResponse read(String json) {
        JsonNode n = JSON.readTree(json);
        List<ContentPart.ToolCall> calls = new ArrayList<>();
        for (JsonNode call : n.path("toolCalls")) {
            calls.add(new ContentPart.ToolCall(call.path("id").asString(), call.path("name").asString(),
                    call.path("arguments").asString()));
        }
        JsonNode u = n.get("usage");
        @Nullable TokenUsage usage = u == null || u.isNull() ? null : new TokenUsage(u.path("input").asLong(),
                u.path("output").asLong(), u.path("cachedInput").asLong(), u.path("cacheWrite").asLong(),
                u.path("reasoning").asLong());
        var model = new ResolvedModel(n.path("provider").asString(), n.path("model").asString());
        var outcome = new ChatResponse.Outcome(FinishReason.valueOf(n.path("finishReason").asString()), usage,
                n.hasNonNull("stopSequence") ? n.get("stopSequence").asString() : null);
        if (n.has("content")) {
            List<ContentPart> content = new ArrayList<>();
            n.get("content").forEach(p -> content.add(ChatRequestJson.part(p)));
            return new ChatResponse(n.path("id").asString(), model, content, outcome);
        }
        return new ChatResponse(n.path("id").asString(), model, n.path("text").asString(""),
                n.path("reasoning").asString(""), calls, outcome);
    }
}
