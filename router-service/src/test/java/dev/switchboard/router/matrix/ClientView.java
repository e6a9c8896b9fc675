package dev.switchboard.router.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the caller received, read back from its own protocol (OpenAI or Anthropic, streamed or whole) into neutral
 * terms: finish is stop, length or tool_calls; usage in the OpenAI convention (input includes cached).
 */
record ClientView(int status, String errorType, @Nullable String retryAfter, String text, String reasoning,
                  List<String> calls, String finish, long input, long output, long cached) {

    static ClientView read(Ingress ingress, boolean stream, int status, @Nullable String retryAfter, String body) {
        JsonNode error = status >= 400 ? IngressWire.tree(body).path("error") : null;
        if (error != null) {
            return new ClientView(status, error.path("type").asString(), retryAfter, "", "", List.of(), "", 0, 0, 0);
        }
        return switch (ingress) {
            case OPENAI -> stream ? openAiStream(status, body) : openAiWhole(status, IngressWire.tree(body));
            case ANTHROPIC -> stream ? anthropicStream(status, body) : anthropicWhole(status, IngressWire.tree(body));
        };
    }

    private static ClientView openAiWhole(int status, JsonNode root) {
        JsonNode message = root.at("/choices/0/message");
        List<String> calls = new ArrayList<>();
        message.path("tool_calls").forEach(c -> calls.add(c.at("/function/name").asString() + " "
                + IngressWire.tree(c.at("/function/arguments").asString())));
        JsonNode usage = root.path("usage");
        return new ClientView(status, "", null, message.path("content").asString(""),
                message.path("reasoning_content").asString(""), calls, root.at("/choices/0/finish_reason").asString(),
                usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong(),
                usage.at("/prompt_tokens_details/cached_tokens").asLong());
    }

    private static ClientView openAiStream(int status, String sse) {
        var text = new StringBuilder();
        var reasoning = new StringBuilder();
        Map<Integer, String[]> calls = new TreeMap<>();
        String finish = "";
        JsonNode usage = null;
        for (String line : sse.split("\n")) {
            if (!line.startsWith("data: {")) {
                continue;
            }
            JsonNode chunk = IngressWire.tree(line.substring(6));
            if (chunk.has("error")) {
                return new ClientView(status, chunk.at("/error/type").asString(), null, text.toString(), "", List.of(), "", 0, 0, 0);
            }
            if (chunk.hasNonNull("usage")) {
                usage = chunk.get("usage");
            }
            JsonNode choice = chunk.at("/choices/0");
            JsonNode delta = choice.path("delta");
            text.append(delta.path("content").asString(""));
            reasoning.append(delta.path("reasoning_content").asString(""));
            for (JsonNode call : delta.path("tool_calls")) {
                String[] acc = calls.computeIfAbsent(call.path("index").asInt(), i -> new String[] {"", ""});
                if (call.at("/function/name").isString()) {
                    acc[0] = call.at("/function/name").asString();
                }
                acc[1] += call.at("/function/arguments").asString("");
            }
            if (choice.path("finish_reason").isString()) {
                finish = choice.path("finish_reason").asString();
            }
        }
        List<String> out = new ArrayList<>();
        calls.values().forEach(c -> out.add(c[0] + " " + IngressWire.tree(c[1])));
        JsonNode u = usage == null ? IngressWire.tree("{}") : usage;
        return new ClientView(status, "", null, text.toString(), reasoning.toString(), out, finish,
                u.path("prompt_tokens").asLong(), u.path("completion_tokens").asLong(),
                u.at("/prompt_tokens_details/cached_tokens").asLong());
    }

    private static ClientView anthropicWhole(int status, JsonNode root) {
        var text = new StringBuilder();
        var reasoning = new StringBuilder();
        List<String> calls = new ArrayList<>();
        for (JsonNode block : root.path("content")) {
            switch (block.path("type").asString()) {
                case "text" -> text.append(block.path("text").asString());
                case "thinking" -> reasoning.append(block.path("thinking").asString());
                case "tool_use" -> calls.add(block.path("name").asString() + " " + block.path("input"));
                default -> { }
            }
        }
        JsonNode usage = root.path("usage");
        return anthropicView(status, text, reasoning, calls, root.path("stop_reason").asString(), usage);
    }

    private static ClientView anthropicStream(int status, String sse) {
        var text = new StringBuilder();
        var reasoning = new StringBuilder();
        Map<Integer, String[]> tools = new TreeMap<>();
        String stop = "";
        JsonNode usage = IngressWire.tree("{}");
        for (String event : sse.split("\n\n")) {
            String[] lines = event.split("\n");
            if (lines.length < 2 || !lines[1].startsWith("data: ")) {
                continue;
            }
            JsonNode data = IngressWire.tree(lines[1].substring(6));
            switch (data.path("type").asString()) {
                case "error" -> {
                    return new ClientView(status, data.at("/error/type").asString(), null, text.toString(), "", List.of(), "", 0, 0, 0);
                }
                case "content_block_start" -> {
                    if (data.at("/content_block/type").asString().equals("tool_use")) {
                        tools.put(data.path("index").asInt(), new String[] {data.at("/content_block/name").asString(), ""});
                    }
                }
                case "content_block_delta" -> {
                    JsonNode delta = data.path("delta");
                    text.append(delta.path("text").asString(""));
                    reasoning.append(delta.path("thinking").asString(""));
                    String[] tool = tools.get(data.path("index").asInt());
                    if (tool != null) {
                        tool[1] += delta.path("partial_json").asString("");
                    }
                }
                case "message_delta" -> {
                    stop = data.at("/delta/stop_reason").asString();
                    usage = data.path("usage");
                }
                default -> { }
            }
        }
        List<String> calls = new ArrayList<>();
        tools.values().forEach(t -> calls.add(t[0] + " " + IngressWire.tree(t[1].isEmpty() ? "{}" : t[1])));
        return anthropicView(status, text, reasoning, calls, stop, usage);
    }

    private static ClientView anthropicView(int status, CharSequence text, CharSequence reasoning, List<String> calls,
                                            String stop, JsonNode usage) {
        String finish = switch (stop) {
            case "end_turn", "stop_sequence" -> "stop";
            case "max_tokens" -> "length";
            case "tool_use" -> "tool_calls";
            default -> stop;
        };
        long cached = usage.path("cache_read_input_tokens").asLong();
        long input = usage.path("input_tokens").asLong() + cached + usage.path("cache_creation_input_tokens").asLong();
        return new ClientView(status, "", null, text.toString(), reasoning.toString(), calls, finish, input,
                usage.path("output_tokens").asLong(), cached);
    }
}
