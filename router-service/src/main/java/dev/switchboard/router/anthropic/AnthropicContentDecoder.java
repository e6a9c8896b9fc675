package dev.switchboard.router.anthropic;

import static dev.switchboard.router.web.Fields.array;
import static dev.switchboard.router.web.Fields.bool;
import static dev.switchboard.router.web.Fields.object;
import static dev.switchboard.router.web.Fields.optional;
import static dev.switchboard.router.web.Fields.optionalString;
import static dev.switchboard.router.web.Fields.string;

import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Decodes {@code system} and {@code messages} into canonical messages. A user turn's {@code tool_result} blocks become
 * one TOOL message each, ahead of the rest of that turn; {@code cache_control} becomes a cache breakpoint after its
 * block; thinking blocks keep their signature and the provider that made it.
 */
final class AnthropicContentDecoder {

    List<Message> decode(JsonNode root) {
        List<Message> out = new ArrayList<>();
        JsonNode system = optional(root, "system");
        if (system != null) {
            out.add(new Message(Role.SYSTEM, systemParts(system), null));
        }
        JsonNode messages = optional(root, "messages");
        if (messages == null) {
            throw GatewayException.invalid("messages", "messages: is required");
        }
        array(messages, "messages");
        for (int i = 0; i < messages.size(); i++) {
            String path = "messages." + i;
            message(object(messages.get(i), path), path, out);
        }
        return out;
    }

    private static List<ContentPart> systemParts(JsonNode system) {
        if (system.isString()) {
            return List.of(new ContentPart.Text(system.asString()));
        }
        array(system, "system");
        List<ContentPart> parts = new ArrayList<>();
        for (int i = 0; i < system.size(); i++) {
            String path = "system." + i;
            JsonNode block = object(system.get(i), path);
            String type = string(block, "type", path + ".type");
            if (!"text".equals(type)) {
                throw GatewayException.invalid(path + ".type", path + ".type: system blocks must be text, got " + type);
            }
            parts.add(new ContentPart.Text(string(block, "text", path + ".text")));
            cacheControl(block, parts);
        }
        return parts;
    }

    private void message(JsonNode node, String path, List<Message> out) {
        String roleName = string(node, "role", path + ".role");
        Role role = switch (roleName) {
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "system" -> Role.SYSTEM;
            default -> throw GatewayException.invalid(path + ".role", path + ".role: expected user, assistant or system, got '"
                    + roleName + "'");
        };
        JsonNode content = optional(node, "content");
        if (content == null) {
            throw GatewayException.invalid(path + ".content", path + ".content: is required");
        }
        if (content.isString()) {
            out.add(Message.of(role, content.asString()));
            return;
        }
        array(content, path + ".content");
        List<ContentPart> parts = new ArrayList<>(content.size());
        for (int i = 0; i < content.size(); i++) {
            String at = path + ".content." + i;
            block(object(content.get(i), at), role, at, parts, out);
        }
        if (!parts.isEmpty() || content.isEmpty()) {
            out.add(new Message(role, parts, null));
        }
    }

    private static void block(JsonNode block, Role role, String path, List<ContentPart> parts, List<Message> out) {
        String type = string(block, "type", path + ".type");
        switch (type) {
            case "text" -> parts.add(new ContentPart.Text(string(block, "text", path + ".text")));
            case "image" -> parts.add(image(object(required(block, "source", path), path + ".source"), path + ".source"));
            case "document" -> parts.add(document(object(required(block, "source", path), path + ".source"), path + ".source"));
            case "tool_use" -> parts.add(new ContentPart.ToolCall(string(block, "id", path + ".id"),
                    string(block, "name", path + ".name"), input(block, path)));
            case "tool_result" -> out.add(new Message(Role.TOOL, List.of(toolResult(block, path)), null));
            case "thinking" -> {
                String signature = optionalString(block, "signature", path + ".signature");
                parts.add(new ContentPart.Reasoning(string(block, "thinking", path + ".thinking"),
                        Signatures.signature(signature), signature == null ? null : Signatures.provider(signature)));
            }
            case "redacted_thinking" -> parts.add(new ContentPart.RedactedReasoning(string(block, "data", path + ".data"),
                    Signatures.ANTHROPIC));
            default -> throw unsupported(path + ".type: content block type '"
                    + type + "' is not supported (expected text, image, document with a text source, tool_use, "
                    + "tool_result, thinking or redacted_thinking)");
        }
        if (!"tool_result".equals(type)) {
            cacheControl(block, parts);
        }
    }

    private static JsonNode required(JsonNode block, String name, String path) {
        JsonNode node = optional(block, name);
        if (node == null) {
            throw GatewayException.invalid(path + "." + name, path + "." + name + ": is required");
        }
        return node;
    }

    private static ContentPart image(JsonNode source, String path) {
        String type = string(source, "type", path + ".type");
        return switch (type) {
            case "base64" -> new ContentPart.ImageRef("data:" + string(source, "media_type", path + ".media_type")
                    + ";base64," + string(source, "data", path + ".data"), null);
            case "url" -> new ContentPart.ImageRef(string(source, "url", path + ".url"), null);
            default -> throw GatewayException.invalid(path + ".type", path + ".type: expected base64 or url, got '" + type + "'");
        };
    }

    private static ContentPart document(JsonNode source, String path) {
        String type = string(source, "type", path + ".type");
        if ("text".equals(type)) {
            return new ContentPart.Text(string(source, "data", path + ".data"));
        }
        throw unsupported(path + ".type: document sources of type '" + type
                + "' (PDF files) are not supported yet; send the text instead");
    }

    private static String input(JsonNode block, String path) {
        JsonNode input = optional(block, "input");
        return input == null ? "{}" : object(input, path + ".input").toString();
    }

    private static ContentPart toolResult(JsonNode block, String path) {
        String id = string(block, "tool_use_id", path + ".tool_use_id");
        boolean isError = bool(block, "is_error", false, path + ".is_error");
        JsonNode content = optional(block, "content");
        if (content == null) {
            return new ContentPart.ToolResult(id, "", isError);
        }
        if (content.isString()) {
            return new ContentPart.ToolResult(id, content.asString(), isError);
        }
        array(content, path + ".content");
        var text = new StringBuilder();
        for (int i = 0; i < content.size(); i++) {
            String at = path + ".content." + i;
            JsonNode part = object(content.get(i), at);
            String type = string(part, "type", at + ".type");
            if (!"text".equals(type)) {
                throw unsupported(at + ".type: tool results may only hold "
                        + "text for now, got '" + type + "'");
            }
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append(string(part, "text", at + ".text"));
        }
        return new ContentPart.ToolResult(id, text.toString(), isError);
    }

    private static GatewayException unsupported(String message) {
        return new GatewayException(ErrorCategory.UNSUPPORTED_CAPABILITY, message,
                new GatewayException.Origin(null, 0, null, "type"));
    }

    private static void cacheControl(JsonNode block, List<ContentPart> parts) {
        JsonNode cache = optional(block, "cache_control");
        if (cache != null && cache.isObject()) {
            @Nullable JsonNode ttl = optional(cache, "ttl");
            parts.add(new ContentPart.CacheBreakpoint(ttl != null && ttl.isString() ? ttl.asString() : null));
        }
    }
}
