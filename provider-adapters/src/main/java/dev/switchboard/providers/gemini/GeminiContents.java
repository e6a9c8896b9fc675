package dev.switchboard.providers.gemini;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Messages → {@code systemInstruction.parts} and {@code contents} (provider-protocols §3.2, §5.1, §5.3, §5.5).
 * System text is hoisted in order; roles become {@code user}/{@code model} and consecutive same-role turns merge,
 * because Gemini rejects turns that do not alternate. Tool results become {@code functionResponse}s named after their
 * call and kept in one user turn in call order. A gemini reasoning part's signature goes on the next part of its
 * model turn; other providers' reasoning is dropped. One instance per request.
 */
final class GeminiContents {

    /** Google's documented value for a function call whose signature the caller lost (Gemini 3 requires one). */
    static final String SKIP_SIGNATURE = "skip_thought_signature_validator";

    private final ArrayNode system = GeminiWire.JSON.createArrayNode();
    private final ArrayNode contents = GeminiWire.JSON.createArrayNode();
    private final boolean requireSignature;
    private final Map<String, Call> callsById = new HashMap<>();
    private final List<Result> results = new ArrayList<>();
    private String role = "";
    private @Nullable ArrayNode parts;
    private boolean callInTurn;

    /** @param requireSignature Gemini 3: the first call of a model turn must carry a signature */
    GeminiContents(boolean requireSignature) {
        this.requireSignature = requireSignature;
    }

    GeminiContents write(List<Message> messages) {
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            String param = "messages[" + i + "]";
            switch (m.role()) {
                case SYSTEM -> m.parts().forEach(part -> {
                    if (part instanceof ContentPart.Text(String text) && !text.isEmpty()) {
                        system.addObject().put("text", text);
                    }
                });
                case USER, TOOL -> user(m, param);
                case ASSISTANT -> model(m, param);
            }
        }
        flushResults();
        return this;
    }

    ArrayNode system() {
        return system;
    }

    ArrayNode contents() {
        return contents;
    }

    private void user(Message m, String param) {
        for (ContentPart part : m.parts()) {
            switch (part) {
                case ContentPart.Text(String text) when !text.isEmpty() -> open("user").addObject().put("text", text);
                case ContentPart.ImageRef image -> add("user", GeminiParts.image(image, param));
                case ContentPart.ToolResult result -> {
                    ensure("user");
                    results.add(new Result(result, call(result.callId(), param)));
                }
                default -> { } // cache breakpoints, empty text; reasoning and calls are the model's
            }
        }
    }

    private void model(Message m, String param) {
        String signature = null;
        ObjectNode last = null;
        for (ContentPart part : m.parts()) {
            ObjectNode written = switch (part) {
                case ContentPart.Reasoning r when GeminiEventDecoder.SIGNATURE_KIND.equals(r.provider()) -> {
                    signature = r.signature() != null ? r.signature() : signature;
                    yield null; // Gemini does not take thought text back; only its signature matters
                }
                case ContentPart.Text(String text) when !text.isEmpty() -> open("model").addObject().put("text", text);
                case ContentPart.ToolCall call -> functionCall(call, signature == null, param);
                case ContentPart.ImageRef image -> add("model", GeminiParts.image(image, param));
                default -> null;
            };
            if (written != null) {
                if (signature != null) {
                    written.put("thoughtSignature", signature);
                    signature = null;
                }
                last = written;
            }
        }
        if (signature != null && last != null && !last.has("thoughtSignature")) {
            last.put("thoughtSignature", signature); // a signature after the last part belongs to the turn's end
        }
    }

    private ObjectNode functionCall(ContentPart.ToolCall call, boolean unsigned, String param) {
        ArrayNode turn = open("model");
        ObjectNode part = turn.addObject();
        ObjectNode function = part.putObject("functionCall");
        function.put("name", call.name());
        function.set("args", GeminiParts.args(call, param));
        if (!GeminiToolIds.minted(call.id())) {
            function.put("id", call.id());
        }
        if (requireSignature && unsigned && !callInTurn) {
            part.put("thoughtSignature", SKIP_SIGNATURE);
        }
        callsById.put(call.id(), new Call(call.name(), callOrdinal(turn)));
        callInTurn = true;
        return part;
    }

    private Call call(String callId, String param) {
        Call call = callsById.get(callId);
        if (call == null) {
            throw GatewayException.invalid(param, "tool result for call '" + callId + "' has no matching tool call in "
                    + "an earlier assistant message (gemini needs the function name of every result)");
        }
        return call;
    }

    private void flushResults() {
        if (results.isEmpty()) {
            return;
        }
        results.sort(Comparator.comparingInt(r -> r.call().ordinal()));
        ArrayNode turn = requireNonNull(parts, "results wait only inside a user turn");
        for (Result r : results) {
            ObjectNode function = turn.addObject().putObject("functionResponse");
            function.put("name", r.call().name());
            function.set("response", GeminiParts.response(r.result()));
            if (!GeminiToolIds.minted(r.result().callId())) {
                function.put("id", r.result().callId());
            }
        }
        results.clear();
    }

    private ObjectNode add(String newRole, ObjectNode part) {
        open(newRole).add(part);
        return part;
    }

    /** The parts of the current turn in {@code role}, after any tool results waiting to be written. */
    private ArrayNode open(String newRole) {
        flushResults();
        return ensure(newRole);
    }

    private ArrayNode ensure(String newRole) {
        if (parts == null || !newRole.equals(role)) {
            flushResults();
            ObjectNode content = contents.addObject();
            content.put("role", newRole);
            parts = content.putArray("parts");
            role = newRole;
            callInTurn = false;
        }
        return parts;
    }

    private static int callOrdinal(ArrayNode turn) {
        int calls = 0;
        for (var part : turn) {
            calls += part.has("functionCall") ? 1 : 0;
        }
        return calls;
    }

    private record Call(String name, int ordinal) {}

    private record Result(ContentPart.ToolResult result, Call call) {}
}
