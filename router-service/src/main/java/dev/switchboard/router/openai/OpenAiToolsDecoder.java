package dev.switchboard.router.openai;

import static dev.switchboard.router.web.Fields.array;
import static dev.switchboard.router.web.Fields.object;
import static dev.switchboard.router.web.Fields.optional;
import static dev.switchboard.router.web.Fields.optionalString;
import static dev.switchboard.router.web.Fields.string;

import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.router.web.Fields;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Decodes {@code tools} (and the deprecated {@code functions}), {@code tool_choice} and {@code response_format}. */
final class OpenAiToolsDecoder {

    List<ToolSpec> tools(JsonNode root) {
        JsonNode tools = optional(root, "tools");
        JsonNode functions = optional(root, "functions");
        List<ToolSpec> out = new ArrayList<>();
        if (tools != null) {
            array(tools, "tools");
            for (int i = 0; i < tools.size(); i++) {
                String path = "tools[" + i + "]";
                JsonNode tool = object(tools.get(i), path);
                String type = optionalString(tool, "type", path + ".type");
                if (type != null && !"function".equals(type)) {
                    throw GatewayException.invalid(path + ".type",
                            path + ".type: tool type '" + type + "' is not supported (expected function)");
                }
                JsonNode function = optional(tool, "function");
                if (function == null) {
                    throw GatewayException.invalid(path + ".function", path + ".function: is required");
                }
                out.add(function(object(function, path + ".function"), path + ".function"));
            }
        } else if (functions != null) {
            array(functions, "functions");
            for (int i = 0; i < functions.size(); i++) {
                out.add(function(object(functions.get(i), "functions[" + i + "]"), "functions[" + i + "]"));
            }
        }
        return out;
    }

    private static ToolSpec function(JsonNode function, String path) {
        JsonNode parameters = optional(function, "parameters");
        if (parameters != null) {
            object(parameters, path + ".parameters");
        }
        return new ToolSpec(string(function, "name", path + ".name"),
                optionalString(function, "description", path + ".description"),
                parameters == null ? null : parameters.toString(),
                Fields.bool(function, "strict", false, path + ".strict"));
    }

    ToolChoice toolChoice(JsonNode root) {
        JsonNode choice = optional(root, "tool_choice");
        String path = "tool_choice";
        if (choice == null) {
            choice = optional(root, "function_call");
            path = "function_call";
        }
        if (choice == null) {
            return ToolChoice.AUTO;
        }
        if (choice.isString()) {
            return switch (choice.asString()) {
                case "auto" -> ToolChoice.AUTO;
                case "none" -> ToolChoice.NONE;
                case "required" -> ToolChoice.REQUIRED;
                default -> throw GatewayException.invalid(path, path + ": unknown value '" + choice.asString()
                        + "' (expected auto, none, required or a named function)");
            };
        }
        object(choice, path);
        JsonNode function = optional(choice, "function");
        String name = function != null ? string(object(function, path + ".function"), "name", path + ".function.name")
                : string(choice, "name", path + ".name");
        return new ToolChoice.Named(name);
    }

    ResponseFormat responseFormat(JsonNode root) {
        JsonNode format = optional(root, "response_format");
        if (format == null) {
            return ResponseFormat.TEXT;
        }
        object(format, "response_format");
        String type = string(format, "type", "response_format.type");
        return switch (type) {
            case "text" -> ResponseFormat.TEXT;
            case "json_object" -> new ResponseFormat.JsonObject();
            case "json_schema" -> jsonSchema(format);
            default -> throw GatewayException.invalid("response_format.type", "response_format.type: unknown value '"
                    + type + "' (expected text, json_object or json_schema)");
        };
    }

    private static ResponseFormat jsonSchema(JsonNode format) {
        JsonNode spec = optional(format, "json_schema");
        if (spec == null) {
            throw GatewayException.invalid("response_format.json_schema", "response_format.json_schema: is required");
        }
        object(spec, "response_format.json_schema");
        JsonNode schema = optional(spec, "schema");
        return new ResponseFormat.JsonSchema(string(spec, "name", "response_format.json_schema.name"),
                schema == null ? null : object(schema, "response_format.json_schema.schema").toString(),
                Fields.bool(spec, "strict", false, "response_format.json_schema.strict"));
    }
}
