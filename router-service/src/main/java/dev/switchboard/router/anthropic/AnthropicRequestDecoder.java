package dev.switchboard.router.anthropic;

import static dev.switchboard.router.web.Fields.array;
import static dev.switchboard.router.web.Fields.object;
import static dev.switchboard.router.web.Fields.optional;
import static dev.switchboard.router.web.Fields.optionalInteger;
import static dev.switchboard.router.web.Fields.optionalNumber;
import static dev.switchboard.router.web.Fields.optionalString;
import static dev.switchboard.router.web.Fields.string;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Sampling;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.router.web.Fields;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decodes an Anthropic {@code /v1/messages} (or {@code count_tokens}) body; every fault is a 400 naming the field. */
public final class AnthropicRequestDecoder {

    private final JsonMapper json;
    private final AnthropicContentDecoder content = new AnthropicContentDecoder();

    public AnthropicRequestDecoder(JsonMapper json) {
        this.json = json;
    }

    /** A Messages call: {@code max_tokens} is required, as Anthropic requires it. */
    public AnthropicCall decode(byte[] body) {
        JsonNode root = Fields.parseObject(json, body);
        if (optional(root, "max_tokens") == null) {
            throw GatewayException.invalid("max_tokens", "max_tokens: is required");
        }
        return new AnthropicCall(request(root), Fields.bool(root, "stream", false, "stream"));
    }

    /** A count_tokens call: the same body without the generation-only fields. */
    public ChatRequest decodeCount(byte[] body) {
        return request(Fields.parseObject(json, body));
    }

    private ChatRequest request(JsonNode root) {
        String model = string(root, "model", "model");
        JsonNode choice = optional(root, "tool_choice");
        JsonNode outputConfig = optional(root, "output_config");
        var options = new ChatRequest.Options(toolChoice(choice),
                choice == null || !Fields.bool(choice, "disable_parallel_tool_use", false, "tool_choice.disable_parallel_tool_use"),
                responseFormat(outputConfig), thinking(root, outputConfig), user(root));
        return new ChatRequest(model, content.decode(root), tools(root), sampling(root), options);
    }

    private static List<ToolSpec> tools(JsonNode root) {
        JsonNode tools = optional(root, "tools");
        if (tools == null) {
            return List.of();
        }
        array(tools, "tools");
        List<ToolSpec> out = new ArrayList<>(tools.size());
        for (int i = 0; i < tools.size(); i++) {
            String path = "tools." + i;
            JsonNode tool = object(tools.get(i), path);
            String type = optionalString(tool, "type", path + ".type");
            if (type != null && !"custom".equals(type)) {
                throw new GatewayException(ErrorCategory.UNSUPPORTED_CAPABILITY, path + ".type: server tool '" + type
                        + "' is not supported; declare a client tool with name, description and input_schema",
                        new GatewayException.Origin(null, 0, null, path + ".type"));
            }
            JsonNode schema = optional(tool, "input_schema");
            if (schema == null) {
                throw GatewayException.invalid(path + ".input_schema", path + ".input_schema: is required");
            }
            out.add(new ToolSpec(string(tool, "name", path + ".name"), optionalString(tool, "description", path + ".description"),
                    object(schema, path + ".input_schema").toString(), Fields.bool(tool, "strict", false, path + ".strict")));
        }
        return out;
    }

    private static ToolChoice toolChoice(@Nullable JsonNode choice) {
        if (choice == null) {
            return ToolChoice.AUTO;
        }
        object(choice, "tool_choice");
        String type = string(choice, "type", "tool_choice.type");
        return switch (type) {
            case "auto" -> ToolChoice.AUTO;
            case "any" -> ToolChoice.REQUIRED;
            case "none" -> ToolChoice.NONE;
            case "tool" -> new ToolChoice.Named(string(choice, "name", "tool_choice.name"));
            default -> throw GatewayException.invalid("tool_choice.type", "tool_choice.type: expected auto, any, tool or "
                    + "none, got '" + type + "'");
        };
    }

    private static ResponseFormat responseFormat(@Nullable JsonNode outputConfig) {
        JsonNode format = outputConfig == null ? null : optional(object(outputConfig, "output_config"), "format");
        if (format == null) {
            return ResponseFormat.TEXT;
        }
        String type = string(object(format, "output_config.format"), "type", "output_config.format.type");
        if (!"json_schema".equals(type)) {
            throw GatewayException.invalid("output_config.format.type", "output_config.format.type: expected json_schema, "
                    + "got '" + type + "'");
        }
        JsonNode schema = optional(format, "schema");
        if (schema == null) {
            throw GatewayException.invalid("output_config.format.schema", "output_config.format.schema: is required");
        }
        return new ResponseFormat.JsonSchema("output", object(schema, "output_config.format.schema").toString(), true);
    }

    private static ChatRequest.@Nullable Thinking thinking(JsonNode root, @Nullable JsonNode outputConfig) {
        String effort = outputConfig == null ? null : optionalString(outputConfig, "effort", "output_config.effort");
        JsonNode thinking = optional(root, "thinking");
        if (thinking == null) {
            return effort == null ? null : new ChatRequest.Thinking(true, null, effort);
        }
        String type = string(object(thinking, "thinking"), "type", "thinking.type");
        return switch (type) {
            case "enabled" -> {
                Long budget = optionalInteger(thinking, "budget_tokens");
                if (budget == null || budget < 1) {
                    throw GatewayException.invalid("thinking.budget_tokens", "thinking.budget_tokens: a positive integer "
                            + "is required when thinking is enabled");
                }
                yield new ChatRequest.Thinking(true, Math.toIntExact(Math.min(budget, Integer.MAX_VALUE)), effort);
            }
            case "adaptive" -> new ChatRequest.Thinking(true, null, effort);
            case "disabled" -> ChatRequest.Thinking.OFF;
            default -> throw GatewayException.invalid("thinking.type", "thinking.type: expected enabled, adaptive or "
                    + "disabled, got '" + type + "'");
        };
    }

    private static @Nullable String user(JsonNode root) {
        JsonNode metadata = optional(root, "metadata");
        return metadata == null ? null : optionalString(object(metadata, "metadata"), "user_id", "metadata.user_id");
    }

    private static Sampling sampling(JsonNode root) {
        Long maxTokens = optionalInteger(root, "max_tokens");
        if (maxTokens != null && (maxTokens < 1 || maxTokens > Integer.MAX_VALUE)) {
            throw GatewayException.invalid("max_tokens", "max_tokens: must be at least 1, got " + maxTokens);
        }
        Long topK = optionalInteger(root, "top_k");
        return new Sampling(optionalNumber(root, "temperature"), optionalNumber(root, "top_p"),
                maxTokens == null ? null : maxTokens.intValue(), stopSequences(root), null, Sampling.Penalties.NONE,
                topK == null ? null : Math.toIntExact(topK));
    }

    private static List<String> stopSequences(JsonNode root) {
        JsonNode stop = optional(root, "stop_sequences");
        if (stop == null) {
            return List.of();
        }
        array(stop, "stop_sequences");
        List<String> out = new ArrayList<>(stop.size());
        for (int i = 0; i < stop.size(); i++) {
            out.add(Fields.string(stop.get(i), "stop_sequences." + i));
        }
        return out;
    }
}
