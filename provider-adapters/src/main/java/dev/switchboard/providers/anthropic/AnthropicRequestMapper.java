package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.Sampling;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical request → Anthropic Messages JSON (provider-protocols §5.2). {@code max_tokens} is always sent: the
 * caller's limit, else the {@code max-tokens} setting; with a thinking budget it is raised to budget + 1024 when it
 * would not exceed the budget (Anthropic rejects {@code budget_tokens >= max_tokens}), so the answer after the
 * thinking keeps room. With thinking on, temperature, top_p and top_k are dropped and forced tool use becomes auto,
 * which Anthropic requires. A {@code count_tokens} body has only the fields that endpoint takes. Pure.
 */
final class AnthropicRequestMapper {

    enum Purpose { STREAM, WHOLE, COUNT }

    static final String JSON_OBJECT_INSTRUCTION = "Respond with a single JSON object and nothing else.";
    static final int MIN_BUDGET = 1024;
    /** Room left for the answer when max_tokens has to be raised above the thinking budget. */
    static final int ANSWER_ROOM = 1024;
    private static final String ANTHROPIC = "anthropic";
    private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";

    private AnthropicRequestMapper() {}

    static byte[] toWire(ChatRequest request, String model, AnthropicSettings settings, Purpose purpose) {
        ObjectNode out = AnthropicWire.JSON.createObjectNode().put("model", model);
        messages(out, request);
        ChatRequest.@Nullable Thinking thinking = request.options().thinking();
        boolean thinkingOn = thinking != null && thinking.enabled() && !toolLoopLostItsThinking(request);
        tools(out, request, thinkingOn);
        if (thinkingOn) {
            thinking(out, thinking, settings);
        }
        if (purpose != Purpose.COUNT) {
            int budget = out.path("thinking").path("budget_tokens").asInt(0);
            out.put("max_tokens", maxTokens(request.sampling(), settings, budget));
            out.put("stream", purpose == Purpose.STREAM);
            sampling(out, request.sampling(), thinkingOn);
            if (request.options().user() != null) {
                out.putObject("metadata").put("user_id", request.options().user());
            }
            if (request.options().responseFormat() instanceof ResponseFormat.JsonSchema schema) {
                outputConfig(out).putObject("format").put("type", "json_schema")
                        .set("schema", raw(schema.schemaJson() != null ? schema.schemaJson() : EMPTY_SCHEMA));
            }
        }
        return AnthropicWire.JSON.writeValueAsBytes(out);
    }

    /**
     * Anthropic rejects thinking when the assistant turn being continued called tools without its signed thinking
     * block (a caller on another protocol cannot send it back); such a request goes out without thinking instead.
     */
    static boolean toolLoopLostItsThinking(ChatRequest request) {
        for (int i = request.messages().size() - 1; i >= 0; i--) {
            Message message = request.messages().get(i);
            if (message.role() != Role.ASSISTANT) {
                continue;
            }
            boolean calls = message.parts().stream().anyMatch(p -> p instanceof ContentPart.ToolCall);
            boolean signed = message.parts().stream().anyMatch(p -> p instanceof ContentPart.Reasoning r
                    && r.signature() != null && ANTHROPIC.equals(r.provider())
                    || p instanceof ContentPart.RedactedReasoning rr && ANTHROPIC.equals(rr.provider()));
            return calls && !signed;
        }
        return false;
    }

    static int maxTokens(Sampling sampling, AnthropicSettings settings, int thinkingBudget) {
        int max = sampling.maxOutputTokens() != null ? sampling.maxOutputTokens() : settings.maxTokens();
        return thinkingBudget > 0 && max <= thinkingBudget ? thinkingBudget + ANSWER_ROOM : max;
    }

    private static void messages(ObjectNode out, ChatRequest request) {
        var writer = new AnthropicMessageWriter();
        request.messages().forEach(writer::add);
        if (request.options().responseFormat() instanceof ResponseFormat.JsonObject) {
            writer.addSystemText(JSON_OBJECT_INSTRUCTION);
        }
        if (!writer.system().isEmpty()) {
            out.set("system", writer.system());
        }
        out.set("messages", writer.messages());
    }

    private static void tools(ObjectNode out, ChatRequest request, boolean thinkingOn) {
        if (request.tools().isEmpty()) {
            return;
        }
        var tools = out.putArray("tools");
        for (ToolSpec tool : request.tools()) {
            ObjectNode t = tools.addObject().put("name", tool.name());
            if (tool.description() != null) {
                t.put("description", tool.description());
            }
            t.set("input_schema", raw(tool.parametersJson() != null ? tool.parametersJson() : EMPTY_SCHEMA));
        }
        ObjectNode choice = toolChoice(request.options().toolChoice(), thinkingOn);
        if (!request.options().parallelToolCalls() && !"none".equals(choice.path("type").asString())) {
            choice.put("disable_parallel_tool_use", true);
        }
        if (!choice.path("type").asString().equals("auto") || choice.size() > 1) {
            out.set("tool_choice", choice);
        }
    }

    private static ObjectNode toolChoice(ToolChoice choice, boolean thinkingOn) {
        ObjectNode out = AnthropicWire.JSON.createObjectNode();
        return switch (choice) {
            case ToolChoice.Auto a -> out.put("type", "auto");
            case ToolChoice.None n -> out.put("type", "none");
            case ToolChoice.Required r -> out.put("type", thinkingOn ? "auto" : "any");
            case ToolChoice.Named(String name) -> thinkingOn ? out.put("type", "auto")
                    : out.put("type", "tool").put("name", name);
        };
    }

    private static void thinking(ObjectNode out, ChatRequest.Thinking thinking, AnthropicSettings settings) {
        if (settings.adaptiveThinking()) {
            out.putObject("thinking").put("type", "adaptive");
            outputConfig(out).put("effort", thinking.effortOr("medium"));
        } else {
            out.putObject("thinking").put("type", "enabled")
                    .put("budget_tokens", Math.max(MIN_BUDGET, thinking.budgetOr(MIN_BUDGET)));
        }
    }

    private static void sampling(ObjectNode out, Sampling s, boolean thinkingOn) {
        if (!thinkingOn) {
            if (s.temperature() != null) {
                out.put("temperature", Math.clamp(s.temperature(), 0.0, 1.0)); // Anthropic's range is 0–1
            }
            if (s.topP() != null) {
                out.put("top_p", s.topP());
            }
            if (s.topK() != null) {
                out.put("top_k", s.topK());
            }
        }
        if (!s.stop().isEmpty()) {
            var stop = out.putArray("stop_sequences");
            s.stop().forEach(stop::add);
        }
    }

    private static ObjectNode outputConfig(ObjectNode out) {
        return out.has("output_config") ? (ObjectNode) out.get("output_config") : out.putObject("output_config");
    }

    private static JsonNode raw(String json) {
        return AnthropicWire.JSON.readTree(json);
    }
}
