package dev.switchboard.router.web;

import dev.switchboard.contracts.error.GatewayException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Typed reads of request fields that fail with a 400 naming the field and what was expected. */
public final class Fields {

    private Fields() {
    }

    /** The body as a JSON object, or a 400 that says what is wrong with it. */
    public static JsonNode parseObject(JsonMapper json, byte[] body) {
        if (body.length == 0) {
            throw GatewayException.invalid(null, "the request body is empty; expected a JSON object");
        }
        try {
            JsonNode root = json.readTree(body);
            if (root == null || !root.isObject()) {
                throw GatewayException.invalid(null, "the request body must be a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw GatewayException.invalid(null, "the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    public static @Nullable JsonNode optional(JsonNode parent, String name) {
        JsonNode node = parent.get(name);
        return node == null || node.isNull() ? null : node;
    }

    public static String string(JsonNode parent, String name, String path) {
        JsonNode node = optional(parent, name);
        if (node == null) {
            throw GatewayException.invalid(path, path + ": is required");
        }
        return string(node, path);
    }

    public static String string(JsonNode node, String path) {
        if (!node.isString()) {
            throw GatewayException.invalid(path, path + ": expected a string, got " + kind(node));
        }
        return node.asString();
    }

    public static @Nullable String optionalString(JsonNode parent, String name, String path) {
        JsonNode node = optional(parent, name);
        return node == null ? null : string(node, path);
    }

    public static @Nullable Double optionalNumber(JsonNode parent, String name) {
        JsonNode node = optional(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isNumber()) {
            throw GatewayException.invalid(name, name + ": expected a number, got " + kind(node));
        }
        return node.asDouble();
    }

    public static @Nullable Long optionalInteger(JsonNode parent, String name) {
        JsonNode node = optional(parent, name);
        if (node == null) {
            return null;
        }
        if (!node.isIntegralNumber()) {
            throw GatewayException.invalid(name, name + ": expected an integer, got " + kind(node));
        }
        return node.asLong();
    }

    public static boolean bool(JsonNode parent, String name, boolean fallback, String path) {
        JsonNode node = optional(parent, name);
        if (node == null) {
            return fallback;
        }
        if (!node.isBoolean()) {
            throw GatewayException.invalid(path, path + ": expected true or false, got " + kind(node));
        }
        return node.asBoolean();
    }

    public static JsonNode object(JsonNode node, String path) {
        if (!node.isObject()) {
            throw GatewayException.invalid(path, path + ": expected an object, got " + kind(node));
        }
        return node;
    }

    public static JsonNode array(JsonNode node, String path) {
        if (!node.isArray()) {
            throw GatewayException.invalid(path, path + ": expected an array, got " + kind(node));
        }
        return node;
    }

    public static String kind(JsonNode node) {
        if (node.isString()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isObject() ? "an object" : "null";
    }
}
