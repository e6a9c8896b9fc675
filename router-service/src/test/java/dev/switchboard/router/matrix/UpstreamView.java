package dev.switchboard.router.matrix;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The request an upstream received, read back into protocol-neutral terms so one check fits every protocol. */
record UpstreamView(String target, String system, List<Turn> turns, List<String> tools, boolean jsonSchema,
                    boolean thinking, boolean stream) {

    /** {@code role} is user, assistant or tool; {@code calls} are "name args"; {@code images} counts image parts. */
    record Turn(String role, String text, List<String> calls, String result, int images) {}

    static UpstreamView read(Protocol protocol, String target, String body) {
        JsonNode root = IngressWire.tree(body);
        return switch (protocol) {
            case OPENAI -> openAi(target, root);
            case ANTHROPIC -> anthropic(target, root);
            case GEMINI -> gemini(target, root);
        };
    }

    private static UpstreamView openAi(String target, JsonNode root) {
        var system = new StringBuilder();
        List<Turn> turns = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            String role = m.path("role").asString();
            JsonNode content = m.path("content");
            var text = new StringBuilder();
            int images = 0;
            if (content.isString()) {
                text.append(content.asString());
            }
            for (JsonNode part : content.isArray() ? content : IngressWire.tree("[]")) {
                text.append(part.path("text").asString(""));
                images += "image_url".equals(part.path("type").asString()) ? 1 : 0;
            }
            if (role.equals("system") || role.equals("developer")) {
                system.append(text);
                continue;
            }
            List<String> calls = new ArrayList<>();
            for (JsonNode call : m.path("tool_calls")) {
                calls.add(call.at("/function/name").asString() + " "
                        + IngressWire.tree(call.at("/function/arguments").asString()));
            }
            turns.add(new Turn(role, role.equals("tool") ? "" : text.toString(), calls,
                    role.equals("tool") ? text.toString() : "", images));
        }
        List<String> tools = new ArrayList<>();
        root.path("tools").forEach(t -> tools.add(t.at("/function/name").asString()));
        return new UpstreamView(target, system.toString(), turns, tools,
                "json_schema".equals(root.at("/response_format/type").asString()), root.has("reasoning_effort"),
                root.path("stream").asBoolean(false));
    }

    private static UpstreamView anthropic(String target, JsonNode root) {
        var system = new StringBuilder();
        JsonNode sys = root.path("system");
        if (sys.isString()) {
            system.append(sys.asString());
        }
        sys.forEach(b -> system.append(b.path("text").asString("")));
        List<Turn> turns = new ArrayList<>();
        for (JsonNode m : root.path("messages")) {
            String role = m.path("role").asString();
            JsonNode content = m.path("content");
            if (content.isString()) {
                turns.add(new Turn(role, content.asString(), List.of(), "", 0));
                continue;
            }
            var text = new StringBuilder();
            List<String> calls = new ArrayList<>();
            int images = 0;
            for (JsonNode block : content) {
                switch (block.path("type").asString()) {
                    case "text" -> text.append(block.path("text").asString());
                    case "image" -> images++;
                    case "tool_use" -> calls.add(block.path("name").asString() + " " + block.path("input"));
                    case "tool_result" -> turns.add(new Turn("tool", "", List.of(), resultText(block.path("content")), 0));
                    default -> { }
                }
            }
            if (!text.isEmpty() || !calls.isEmpty() || images > 0) {
                turns.add(new Turn(role, text.toString(), calls, "", images));
            }
        }
        List<String> tools = new ArrayList<>();
        root.path("tools").forEach(t -> tools.add(t.path("name").asString()));
        String thinking = root.at("/thinking/type").asString("");
        return new UpstreamView(target, system.toString(), turns, tools, root.at("/output_config/format").isObject(),
                !thinking.isEmpty() && !thinking.equals("disabled"), root.path("stream").asBoolean(false));
    }

    private static String resultText(JsonNode content) {
        if (content.isString()) {
            return content.asString();
        }
        var text = new StringBuilder();
        content.forEach(b -> text.append(b.path("text").asString("")));
        return text.toString();
    }

    private static UpstreamView gemini(String target, JsonNode root) {
        var system = new StringBuilder();
        root.at("/systemInstruction/parts").forEach(p -> system.append(p.path("text").asString("")));
        List<Turn> turns = new ArrayList<>();
        for (JsonNode c : root.path("contents")) {
            String role = c.path("role").asString().equals("model") ? "assistant" : "user";
            var text = new StringBuilder();
            List<String> calls = new ArrayList<>();
            int images = 0;
            for (JsonNode part : c.path("parts")) {
                if (part.has("functionResponse")) {
                    JsonNode response = part.at("/functionResponse/response");
                    JsonNode output = response.has("output") ? response.get("output") : response;
                    turns.add(new Turn("tool", "", List.of(), output.isString() ? output.asString() : output.toString(), 0));
                } else if (part.has("functionCall")) {
                    calls.add(part.at("/functionCall/name").asString() + " " + part.at("/functionCall/args"));
                } else if (part.has("inlineData")) {
                    images++;
                } else if (!part.path("thought").asBoolean(false)) {
                    text.append(part.path("text").asString(""));
                }
            }
            if (!text.isEmpty() || !calls.isEmpty() || images > 0) {
                turns.add(new Turn(role, text.toString(), calls, "", images));
            }
        }
        List<String> tools = new ArrayList<>();
        root.path("tools").forEach(t -> t.path("functionDeclarations").forEach(f -> tools.add(f.path("name").asString())));
        JsonNode config = root.path("generationConfig");
        return new UpstreamView(target, system.toString(), turns, tools,
                config.has("responseJsonSchema") || config.has("responseSchema"), config.has("thinkingConfig"),
                target.contains(":streamGenerateContent"));
    }
}
