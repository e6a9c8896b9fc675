package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.error.GatewayException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Single request parts: images, function-call arguments, function responses, and caller JSON parsed with clear errors. */
final class GeminiParts {

    private static final Pattern DATA_URI = Pattern.compile("data:([^;,]+);base64,(.*)", Pattern.DOTALL);
    private static final Map<String, String> MIME_BY_EXTENSION = Map.of("png", "image/png", "jpg", "image/jpeg",
            "jpeg", "image/jpeg", "webp", "image/webp", "gif", "image/gif", "heic", "image/heic", "heif", "image/heif",
            "pdf", "application/pdf");
    /** An ImageRef is an image, so an unknown extension is taken as the most common kind. */
    private static final String DEFAULT_MIME = "image/jpeg";

    private GeminiParts() {}

    /** A {@code data:} URI → {@code inlineData}; an http(s) URL → {@code fileData} with the type its extension names. */
    static ObjectNode image(ContentPart.ImageRef image, String param) {
        ObjectNode part = GeminiWire.JSON.createObjectNode();
        String url = image.url();
        Matcher data = DATA_URI.matcher(url);
        if (data.matches()) {
            ObjectNode inline = part.putObject("inlineData");
            inline.put("mimeType", data.group(1));
            inline.put("data", data.group(2));
            return part;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            ObjectNode file = part.putObject("fileData");
            file.put("mimeType", mimeOf(url));
            file.put("fileUri", url);
            return part;
        }
        throw GatewayException.invalid(param, "image url must be an http(s) URL or a base64 data URI "
                + "(data:<mime>;base64,...) for gemini, but starts with '" + prefix(url) + "'");
    }

    /** The arguments object of a function call; empty arguments are {@code {}}. */
    static JsonNode args(ContentPart.ToolCall call, String param) {
        if (call.argumentsJson().isBlank()) {
            return GeminiWire.JSON.createObjectNode();
        }
        JsonNode args = json(call.argumentsJson(), param, "arguments of tool call '" + call.id() + "'");
        if (!args.isObject()) {
            throw GatewayException.invalid(param, "arguments of tool call '" + call.id()
                    + "' must be a JSON object for gemini, but are " + args.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        return args;
    }

    /**
     * {@code functionResponse.response} must be an object: a result that is a JSON object is sent as is, other
     * text as {@code {"output": ..}}, and a failed call as {@code {"error": ..}}.
     */
    static ObjectNode response(ContentPart.ToolResult result) {
        ObjectNode response = GeminiWire.JSON.createObjectNode();
        if (result.isError()) {
            return response.put("error", result.content());
        }
        String content = result.content().strip();
        if (content.startsWith("{")) {
            try {
                JsonNode parsed = GeminiWire.JSON.readTree(content);
                if (parsed instanceof ObjectNode object) {
                    return object;
                }
            } catch (JacksonException e) {
                // not JSON after all: sent as text below
            }
        }
        return response.put("output", result.content());
    }

    /** The caller's raw JSON text (a schema, arguments) as a tree. */
    static JsonNode json(String text, String param, String what) {
        try {
            return GeminiWire.JSON.readTree(text);
        } catch (JacksonException e) {
            throw GatewayException.invalid(param, what + " is not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static String mimeOf(String url) {
        String path = url.split("[?#]", 2)[0];
        int dot = path.lastIndexOf('.');
        if (dot < path.lastIndexOf('/')) {
            return DEFAULT_MIME;
        }
        return MIME_BY_EXTENSION.getOrDefault(path.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT_MIME);
    }

    private static String prefix(String url) {
        return url.length() <= 12 ? url : url.substring(0, 12) + "…";
    }
}
