package dev.switchboard.router.openai;

import static dev.switchboard.router.web.Fields.array;
import static dev.switchboard.router.web.Fields.object;
import static dev.switchboard.router.web.Fields.optional;
import static dev.switchboard.router.web.Fields.optionalString;
import static dev.switchboard.router.web.Fields.string;

import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.router.web.Fields;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Decodes OpenAI chat {@code messages} into canonical messages. */
final class OpenAiMessageDecoder {

    List<Message> messages(JsonNode root) {
        JsonNode node = optional(root, "messages");
        if (node == null) {
            throw GatewayException.invalid("messages", "messages: is required");
        }
        array(node, "messages");
        if (node.isEmpty()) {
            throw GatewayException.invalid("messages", "messages: needs at least one message");
        }
        List<Message> out = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            out.add(message(object(node.get(i), "messages[" + i + "]"), "messages[" + i + "]"));
        }
        return out;
    }

    private Message message(JsonNode node, String path) {
        Role role = role(string(node, "role", path + ".role"), path + ".role");
        String name = optionalString(node, "name", path + ".name");
        List<ContentPart> parts = new ArrayList<>(content(optional(node, "content"), role, path + ".content"));
        if (role == Role.ASSISTANT) {
            parts.addAll(toolCalls(optional(node, "tool_calls"), path + ".tool_calls"));
        }
        if (role == Role.TOOL) {
            String callId = string(node, "tool_call_id", path + ".tool_call_id");
            String text = new Message(role, parts, null).text();
            return new Message(role, List.of(new ContentPart.ToolResult(callId, text, false)), name);
        }
        return new Message(role, parts, name);
    }

    private static Role role(String role, String path) {
        return switch (role) {
            case "system", "developer" -> Role.SYSTEM;
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "tool" -> Role.TOOL;
            default -> throw GatewayException.invalid(path,
                    path + ": unknown role '" + role + "' (expected one of: system, developer, user, assistant, tool)");
        };
    }

    private List<ContentPart> content(JsonNode content, Role role, String path) {
        if (content == null) {
            return List.of();
        }
        if (content.isString()) {
            return List.of(new ContentPart.Text(content.asString()));
        }
        if (!content.isArray()) {
            throw GatewayException.invalid(path, path + ": expected a string or an array of content parts, got "
                    + Fields.kind(content));
        }
        List<ContentPart> parts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            parts.add(part(object(content.get(i), path + "[" + i + "]"), role, path + "[" + i + "]"));
        }
        return parts;
    }

    private ContentPart part(JsonNode part, Role role, String path) {
        String type = string(part, "type", path + ".type");
        return switch (type) {
            case "text" -> new ContentPart.Text(string(part, "text", path + ".text"));
            case "refusal" -> new ContentPart.Text(string(part, "refusal", path + ".refusal"));
            case "image_url" -> image(part, role, path);
            default -> throw GatewayException.invalid(path + ".type", path + ".type: content part '" + type
                    + "' is not supported (expected text or image_url)");
        };
    }

    private static ContentPart image(JsonNode part, Role role, String path) {
        if (role != Role.USER) {
            throw GatewayException.invalid(path, path + ": images are only allowed in user messages");
        }
        JsonNode image = optional(part, "image_url");
        if (image == null) {
            throw GatewayException.invalid(path + ".image_url", path + ".image_url: is required");
        }
        if (image.isString()) {
            return new ContentPart.ImageRef(image.asString(), null);
        }
        object(image, path + ".image_url");
        return new ContentPart.ImageRef(string(image, "url", path + ".image_url.url"),
                optionalString(image, "detail", path + ".image_url.detail"));
    }

    private static List<ContentPart> toolCalls(JsonNode calls, String path) {
        if (calls == null) {
            return List.of();
        }
        array(calls, path);
        List<ContentPart> out = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            String at = path + "[" + i + "]";
            JsonNode call = object(calls.get(i), at);
            JsonNode function = object(optionalOrFail(call, "function", at), at + ".function");
            JsonNode arguments = optional(function, "arguments");
            String args = arguments == null ? "" : arguments.isString() ? arguments.asString() : arguments.toString();
            // Gemini's thought signature, in the shape its own OpenAI-compatible endpoint returns and takes back.
            JsonNode signature = call.path("extra_content").path("google").get("thought_signature");
            if (signature != null && signature.isString()) {
                out.add(new ContentPart.Reasoning("", signature.asString(), "gemini"));
            }
            out.add(new ContentPart.ToolCall(string(call, "id", at + ".id"),
                    string(function, "name", at + ".function.name"), args));
        }
        return out;
    }

    private static JsonNode optionalOrFail(JsonNode node, String name, String path) {
        JsonNode child = optional(node, name);
        if (child == null) {
            throw GatewayException.invalid(path + "." + name, path + "." + name + ": is required");
        }
        return child;
    }
}
