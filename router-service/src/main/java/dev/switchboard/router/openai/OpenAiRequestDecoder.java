package dev.switchboard.router.openai;

import static dev.switchboard.router.web.Fields.optional;
import static dev.switchboard.router.web.Fields.optionalInteger;
import static dev.switchboard.router.web.Fields.optionalNumber;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.Sampling;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.router.web.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decodes an OpenAI {@code /v1/chat/completions} body; every fault is a 400 that names the field. */
public final class OpenAiRequestDecoder {

    private final JsonMapper json;
    private final OpenAiMessageDecoder messages = new OpenAiMessageDecoder();
    private final OpenAiToolsDecoder tools = new OpenAiToolsDecoder();

    public OpenAiRequestDecoder(JsonMapper json) {
        this.json = json;
    }

    public OpenAiChatCall decode(byte[] body) {
        JsonNode root = Fields.parseObject(json, body);
        String model = Fields.string(root, "model", "model");
        Long n = optionalInteger(root, "n");
        if (n != null && n != 1) {
            throw GatewayException.invalid("n", "n: only 1 choice per request is supported, got " + n);
        }
        var options = new ChatRequest.Options(tools.toolChoice(root),
                Fields.bool(root, "parallel_tool_calls", true, "parallel_tool_calls"), tools.responseFormat(root),
                thinking(root), Fields.optionalString(root, "user", "user"));
        var request = new ChatRequest(model, messages.messages(root), tools.tools(root), sampling(root), options);
        boolean stream = Fields.bool(root, "stream", false, "stream");
        JsonNode streamOptions = optional(root, "stream_options");
        boolean includeUsage = streamOptions != null
                && Fields.bool(Fields.object(streamOptions, "stream_options"), "include_usage", false,
                "stream_options.include_usage");
        return new OpenAiChatCall(request, stream, includeUsage, metadata(root));
    }

    /** {@code metadata}: up to 16 string pairs, as OpenAI allows. */
    private static Map<String, String> metadata(JsonNode root) {
        JsonNode metadata = optional(root, "metadata");
        if (metadata == null) {
            return Map.of();
        }
        Fields.object(metadata, "metadata");
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : metadata.properties()) {
            out.put(e.getKey(), Fields.string(e.getValue(), "metadata." + e.getKey()));
        }
        return out;
    }

    /** {@code reasoning_effort}: {@code none} asks for no reasoning, any other level for that much. */
    private static ChatRequest.@Nullable Thinking thinking(JsonNode root) {
        String effort = Fields.optionalString(root, "reasoning_effort", "reasoning_effort");
        if (effort == null) {
            return null;
        }
        return new ChatRequest.Thinking(!"none".equals(effort), null, effort);
    }

    private static Sampling sampling(JsonNode root) {
        Long maxTokens = optionalInteger(root, "max_completion_tokens");
        if (maxTokens == null) {
            maxTokens = optionalInteger(root, "max_tokens");
        }
        if (maxTokens != null && (maxTokens < 1 || maxTokens > Integer.MAX_VALUE)) {
            throw GatewayException.invalid("max_tokens", "max_tokens: must be at least 1, got " + maxTokens);
        }
        return new Sampling(optionalNumber(root, "temperature"), optionalNumber(root, "top_p"),
                maxTokens == null ? null : maxTokens.intValue(), stop(root), optionalInteger(root, "seed"),
                new Sampling.Penalties(optionalNumber(root, "presence_penalty"),
                        optionalNumber(root, "frequency_penalty")));
    }

    private static List<String> stop(JsonNode root) {
        @Nullable JsonNode stop = optional(root, "stop");
        if (stop == null) {
            return List.of();
        }
        if (stop.isString()) {
            return List.of(stop.asString());
        }
        Fields.array(stop, "stop");
        List<String> out = new ArrayList<>(stop.size());
        for (int i = 0; i < stop.size(); i++) {
            out.add(Fields.string(stop.get(i), "stop[" + i + "]"));
        }
        return out;
    }
}
