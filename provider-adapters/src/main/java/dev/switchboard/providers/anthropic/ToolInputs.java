package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.error.GatewayException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** A tool call's arguments text → the JSON object Anthropic wants as {@code tool_use.input}; {@code ""} is {@code {}}. */
final class ToolInputs {

    private static final int SHOWN = 60;

    private ToolInputs() {}

    static JsonNode parse(ContentPart.ToolCall call) {
        String arguments = call.argumentsJson().strip();
        if (arguments.isEmpty()) {
            return AnthropicWire.JSON.createObjectNode();
        }
        try {
            JsonNode input = AnthropicWire.JSON.readTree(arguments);
            if (input != null && input.isObject()) {
                return input;
            }
        } catch (JacksonException e) {
            // reported below
        }
        String shown = arguments.length() > SHOWN ? arguments.substring(0, SHOWN) + "…" : arguments;
        throw GatewayException.invalid("messages", "arguments of tool call '" + call.id() + "' (" + call.name()
                + ") are not a JSON object: '" + shown + "' (expected e.g. {\"city\":\"Paris\"} or an empty string)");
    }
}
