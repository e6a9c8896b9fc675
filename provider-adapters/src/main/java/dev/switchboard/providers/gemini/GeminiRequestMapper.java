package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Canonical request → GenerateContentRequest JSON (provider-protocols §3.2, §5.3): system instruction, contents,
 * function declarations with full JSON Schema ({@code parametersJsonSchema}), tool config and generation config. The
 * model goes in the URL, not the body; streamed and whole requests have the same body. Pure.
 */
final class GeminiRequestMapper {

    private GeminiRequestMapper() {}

    static byte[] toWire(ChatRequest request, String model) {
        return GeminiWire.JSON.writeValueAsBytes(body(request, model));
    }

    /** {@code countTokens} takes the whole request, with the model, under {@code generateContentRequest}. */
    static byte[] countTokens(ChatRequest request, String model) {
        ObjectNode generate = body(request, model);
        generate.put("model", "models/" + model);
        ObjectNode wrapper = GeminiWire.JSON.createObjectNode();
        wrapper.set("generateContentRequest", generate);
        return GeminiWire.JSON.writeValueAsBytes(wrapper);
    }

    static boolean isGemini3(String model) {
        return model.startsWith("gemini-3");
    }

    private static ObjectNode body(ChatRequest request, String model) {
        ObjectNode body = GeminiWire.JSON.createObjectNode();
        var contents = new GeminiContents(isGemini3(model)).write(request.messages());
        if (!contents.system().isEmpty()) {
            body.putObject("systemInstruction").set("parts", contents.system());
        }
        body.set("contents", contents.contents());
        if (!request.tools().isEmpty()) {
            tools(body.putArray("tools").addObject().putArray("functionDeclarations"), request);
            toolConfig(body, request.options().toolChoice());
        }
        ObjectNode generation = GeminiGenerationConfig.of(request, isGemini3(model));
        if (!generation.isEmpty()) {
            body.set("generationConfig", generation);
        }
        return body;
    }

    private static void tools(ArrayNode declarations, ChatRequest request) {
        for (int i = 0; i < request.tools().size(); i++) {
            ToolSpec tool = request.tools().get(i);
            ObjectNode declaration = declarations.addObject();
            declaration.put("name", tool.name());
            if (tool.description() != null) {
                declaration.put("description", tool.description());
            }
            if (tool.parametersJson() != null) {
                declaration.set("parametersJsonSchema", GeminiParts.json(tool.parametersJson(), "tools[" + i + "]",
                        "parameters of tool '" + tool.name() + "'"));
            }
        }
    }

    /** Auto is Gemini's default and is left out. */
    private static void toolConfig(ObjectNode body, ToolChoice choice) {
        if (choice instanceof ToolChoice.Auto) {
            return;
        }
        ObjectNode config = body.putObject("toolConfig").putObject("functionCallingConfig");
        config.put("mode", choice instanceof ToolChoice.None ? "NONE" : "ANY");
        if (choice instanceof ToolChoice.Named(String name)) {
            config.putArray("allowedFunctionNames").add(name);
        }
    }
}
