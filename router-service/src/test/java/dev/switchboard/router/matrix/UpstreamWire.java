package dev.switchboard.router.matrix;

import static dev.switchboard.router.matrix.IngressWire.JSON;

import dev.switchboard.testkit.RawResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes a {@link Reply} in each upstream protocol's exact wire format, streamed (SSE) or whole (JSON). */
final class UpstreamWire {

    private UpstreamWire() {
    }

    static RawResponse respond(Protocol protocol, Reply reply, boolean stream) {
        if (reply.errorStatus() > 0) {
            return error(protocol);
        }
        return switch (protocol) {
            case OPENAI -> stream ? sse(openAiChunks(reply)) : json(openAiWhole(reply));
            case ANTHROPIC -> stream ? sse(anthropicEvents(reply)) : json(anthropicWhole(reply));
            case GEMINI -> stream ? sse(geminiChunks(reply)) : json(geminiWhole(reply));
        };
    }

    private static RawResponse error(Protocol protocol) {
        String head = "HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\n";
        String body = switch (protocol) {
            case OPENAI -> "{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                    + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";
            case ANTHROPIC -> "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":"
                    + "\"Number of request tokens has exceeded your per-minute rate limit\"},\"request_id\":\"req_1\"}";
            case GEMINI -> "{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\",\"status\":"
                    + "\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                    + "\"retryDelay\":\"7s\"}]}}";
        };
        String retry = protocol == Protocol.GEMINI ? "" : "retry-after: 7\r\n";
        return RawResponse.parse((head + retry + "\r\n" + body).getBytes(StandardCharsets.UTF_8));
    }

    private static RawResponse sse(String body) {
        return RawResponse.parse(("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static RawResponse json(ObjectNode body) {
        return RawResponse.json(200, body.toString());
    }

    // ---- OpenAI Chat Completions

    private static String openAiChunks(Reply r) {
        var out = new StringBuilder();
        out.append(openAiChunk(JSON.createObjectNode().put("role", "assistant").put("content", ""), null));
        if (!r.reasoning().isEmpty()) {
            out.append(openAiChunk(JSON.createObjectNode().put("reasoning_content", r.reasoning()), null));
        }
        for (String piece : halves(r.text())) {
            out.append(openAiChunk(JSON.createObjectNode().put("content", piece), null));
        }
        for (int i = 0; i < r.calls().size(); i++) {
            Reply.Call call = r.calls().get(i);
            ObjectNode start = JSON.createObjectNode();
            ObjectNode tc = start.putArray("tool_calls").addObject().put("index", i).put("id", call.id()).put("type", "function");
            tc.putObject("function").put("name", call.name()).put("arguments", "");
            out.append(openAiChunk(start, null));
            for (String piece : halves(call.argumentsJson())) {
                ObjectNode more = JSON.createObjectNode();
                more.putArray("tool_calls").addObject().put("index", i).putObject("function").put("arguments", piece);
                out.append(openAiChunk(more, null));
            }
        }
        out.append(openAiChunk(JSON.createObjectNode(), openAiFinish(r)));
        ObjectNode usage = JSON.createObjectNode().put("id", "chatcmpl-up").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", "gpt-4o");
        usage.putArray("choices");
        usage.set("usage", openAiUsage(r));
        out.append("data: ").append(usage).append("\n\n").append("data: [DONE]\n\n");
        return out.toString();
    }

    private static String openAiChunk(ObjectNode delta, String finish) {
        ObjectNode chunk = JSON.createObjectNode().put("id", "chatcmpl-up").put("object", "chat.completion.chunk")
                .put("created", 1).put("model", "gpt-4o");
        ObjectNode choice = chunk.putArray("choices").addObject().put("index", 0);
        choice.set("delta", delta);
        choice.put("finish_reason", finish);
        return "data: " + chunk + "\n\n";
    }

    private static ObjectNode openAiWhole(Reply r) {
        ObjectNode body = JSON.createObjectNode().put("id", "chatcmpl-up").put("object", "chat.completion")
                .put("created", 1).put("model", "gpt-4o");
        ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        message.put("content", r.text().isEmpty() && !r.calls().isEmpty() ? null : r.text());
        if (!r.reasoning().isEmpty()) {
            message.put("reasoning_content", r.reasoning());
        }
        if (!r.calls().isEmpty()) {
            ArrayNode calls = message.putArray("tool_calls");
            for (Reply.Call call : r.calls()) {
                calls.addObject().put("id", call.id()).put("type", "function").putObject("function")
                        .put("name", call.name()).put("arguments", call.argumentsJson());
            }
        }
        choice.put("finish_reason", openAiFinish(r));
        body.set("usage", openAiUsage(r));
        return body;
    }

    private static String openAiFinish(Reply r) {
        return switch (r.finish()) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
        };
    }

    private static ObjectNode openAiUsage(Reply r) {
        ObjectNode usage = JSON.createObjectNode().put("prompt_tokens", r.input()).put("completion_tokens", r.output())
                .put("total_tokens", r.input() + r.output());
        usage.putObject("prompt_tokens_details").put("cached_tokens", r.cached());
        usage.putObject("completion_tokens_details").put("reasoning_tokens", r.reasoningTokens());
        return usage;
    }

    // ---- Anthropic Messages

    private static String anthropicEvents(Reply r) {
        var out = new StringBuilder();
        ObjectNode start = JSON.createObjectNode().put("type", "message_start");
        ObjectNode message = start.putObject("message").put("id", "msg_up").put("type", "message")
                .put("role", "assistant").put("model", "claude-sonnet-4-5");
        message.putArray("content");
        message.putNull("stop_reason").putNull("stop_sequence");
        message.set("usage", anthropicUsage(r, 1));
        event(out, start);
        event(out, JSON.createObjectNode().put("type", "ping"));
        int index = 0;
        if (!r.reasoning().isEmpty()) {
            blockStart(out, index, JSON.createObjectNode().put("type", "thinking").put("thinking", ""));
            blockDelta(out, index, JSON.createObjectNode().put("type", "thinking_delta").put("thinking", r.reasoning()));
            blockDelta(out, index, JSON.createObjectNode().put("type", "signature_delta").put("signature", "EqQBsig"));
            blockStop(out, index++);
        }
        if (!r.text().isEmpty()) {
            blockStart(out, index, JSON.createObjectNode().put("type", "text").put("text", ""));
            for (String piece : halves(r.text())) {
                blockDelta(out, index, JSON.createObjectNode().put("type", "text_delta").put("text", piece));
            }
            blockStop(out, index++);
        }
        for (Reply.Call call : r.calls()) {
            ObjectNode block = JSON.createObjectNode().put("type", "tool_use").put("id", call.id()).put("name", call.name());
            block.putObject("input");
            blockStart(out, index, block);
            blockDelta(out, index, JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", ""));
            for (String piece : halves(call.argumentsJson())) {
                blockDelta(out, index, JSON.createObjectNode().put("type", "input_json_delta").put("partial_json", piece));
            }
            blockStop(out, index++);
        }
        ObjectNode delta = JSON.createObjectNode().put("type", "message_delta");
        delta.putObject("delta").put("stop_reason", anthropicStop(r)).putNull("stop_sequence");
        delta.putObject("usage").put("output_tokens", r.output());
        event(out, delta);
        event(out, JSON.createObjectNode().put("type", "message_stop"));
        return out.toString();
    }

    private static void event(StringBuilder out, ObjectNode data) {
        out.append("event: ").append(data.get("type").asString()).append("\n").append("data: ").append(data).append("\n\n");
    }

    private static void blockStart(StringBuilder out, int index, ObjectNode block) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_start").put("index", index);
        e.set("content_block", block);
        event(out, e);
    }

    private static void blockDelta(StringBuilder out, int index, ObjectNode delta) {
        ObjectNode e = JSON.createObjectNode().put("type", "content_block_delta").put("index", index);
        e.set("delta", delta);
        event(out, e);
    }

    private static void blockStop(StringBuilder out, int index) {
        event(out, JSON.createObjectNode().put("type", "content_block_stop").put("index", index));
    }

    private static ObjectNode anthropicWhole(Reply r) {
        ObjectNode body = JSON.createObjectNode().put("id", "msg_up").put("type", "message").put("role", "assistant")
                .put("model", "claude-sonnet-4-5");
        ArrayNode content = body.putArray("content");
        if (!r.reasoning().isEmpty()) {
            content.addObject().put("type", "thinking").put("thinking", r.reasoning()).put("signature", "EqQBsig");
        }
        if (!r.text().isEmpty()) {
            content.addObject().put("type", "text").put("text", r.text());
        }
        for (Reply.Call call : r.calls()) {
            content.addObject().put("type", "tool_use").put("id", call.id()).put("name", call.name())
                    .set("input", JSON.readTree(call.argumentsJson()));
        }
        body.put("stop_reason", anthropicStop(r)).putNull("stop_sequence");
        body.set("usage", anthropicUsage(r, r.output()));
        return body;
    }

    private static String anthropicStop(Reply r) {
        return switch (r.finish()) {
            case STOP -> "end_turn";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
        };
    }

    /** Anthropic's convention: {@code input_tokens} excludes cache reads. */
    private static ObjectNode anthropicUsage(Reply r, int output) {
        return JSON.createObjectNode().put("input_tokens", r.input() - r.cached())
                .put("cache_creation_input_tokens", 0).put("cache_read_input_tokens", r.cached())
                .put("output_tokens", output);
    }

    // ---- Gemini generateContent

    private static String geminiChunks(Reply r) {
        var out = new StringBuilder();
        if (!r.reasoning().isEmpty()) {
            ArrayNode parts = JSON.createArrayNode();
            parts.addObject().put("text", r.reasoning()).put("thought", true);
            out.append("data: ").append(geminiResponse(parts, null, null)).append("\r\n\r\n");
        }
        for (String piece : halves(r.text())) {
            ArrayNode parts = JSON.createArrayNode();
            parts.addObject().put("text", piece);
            out.append("data: ").append(geminiResponse(parts, null, null)).append("\r\n\r\n");
        }
        ArrayNode last = JSON.createArrayNode();
        geminiCalls(r, last);
        out.append("data: ").append(geminiResponse(last, geminiFinish(r), r)).append("\r\n\r\n");
        return out.toString();
    }

    private static ObjectNode geminiWhole(Reply r) {
        ArrayNode parts = JSON.createArrayNode();
        if (!r.reasoning().isEmpty()) {
            parts.addObject().put("text", r.reasoning()).put("thought", true);
        }
        if (!r.text().isEmpty()) {
            parts.addObject().put("text", r.text());
        }
        geminiCalls(r, parts);
        return geminiResponse(parts, geminiFinish(r), r);
    }

    private static void geminiCalls(Reply r, ArrayNode parts) {
        for (Reply.Call call : r.calls()) {
            parts.addObject().putObject("functionCall").put("name", call.name())
                    .set("args", JSON.readTree(call.argumentsJson()));
        }
    }

    private static ObjectNode geminiResponse(ArrayNode parts, String finish, Reply usage) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode candidate = body.putArray("candidates").addObject();
        ObjectNode content = candidate.putObject("content").put("role", "model");
        content.set("parts", parts);
        candidate.put("index", 0);
        if (finish != null) {
            candidate.put("finishReason", finish);
        }
        if (usage != null) {
            ObjectNode u = body.putObject("usageMetadata").put("promptTokenCount", usage.input())
                    .put("candidatesTokenCount", usage.output() - usage.reasoningTokens())
                    .put("totalTokenCount", usage.input() + usage.output());
            if (usage.cached() > 0) {
                u.put("cachedContentTokenCount", usage.cached());
            }
            if (usage.reasoningTokens() > 0) {
                u.put("thoughtsTokenCount", usage.reasoningTokens());
            }
        }
        body.put("modelVersion", "gemini-2.5-flash").put("responseId", "resp-up");
        return body;
    }

    /** Gemini says STOP after function calls too; the adapter must still report tool calls. */
    private static String geminiFinish(Reply r) {
        return r.finish() == Reply.Finish.LENGTH ? "MAX_TOKENS" : "STOP";
    }

    private static String[] halves(String text) {
        if (text.isEmpty()) {
            return new String[0];
        }
        int mid = text.length() / 2;
        return mid == 0 ? new String[] {text} : new String[] {text.substring(0, mid), text.substring(mid)};
    }
}
