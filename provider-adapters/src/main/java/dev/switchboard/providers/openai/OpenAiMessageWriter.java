package dev.switchboard.providers.openai;

import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.Role;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/** Writes the {@code messages} array: roles, text and image parts, assistant tool calls, one tool message per result. */
final class OpenAiMessageWriter {

    /** What Mistral gets between a tool result and a user message, which it otherwise rejects (code 3230). */
    static final String BRIDGE_TEXT = "Done.";

    private final JsonGenerator out;
    private final OpenAiDialect dialect;
    private final ToolIds ids;
    private String previousRole = "";

    OpenAiMessageWriter(JsonGenerator out, OpenAiDialect dialect, ToolIds ids) {
        this.out = out;
        this.dialect = dialect;
        this.ids = ids;
    }

    void write(List<Message> messages) {
        out.writeArrayPropertyStart("messages");
        for (Message m : messages) {
            switch (m.role()) {
                case SYSTEM -> simple(dialect.systemRole(), m);
                case USER -> user(m);
                case ASSISTANT -> assistant(m);
                case TOOL -> toolResults(m);
            }
        }
        out.writeEndArray();
    }

    private void simple(String role, Message m) {
        start(role, m);
        out.writeStringProperty("content", m.text());
        out.writeEndObject();
    }

    private void user(Message m) {
        if (dialect.assistantAfterTool() && previousRole.equals("tool")) {
            out.writeStartObject();
            out.writeStringProperty("role", "assistant");
            out.writeStringProperty("content", BRIDGE_TEXT);
            out.writeEndObject();
        }
        if (m.parts().stream().noneMatch(ContentPart.ImageRef.class::isInstance)) {
            simple("user", m);
            return;
        }
        start("user", m);
        out.writeArrayPropertyStart("content");
        for (ContentPart part : m.parts()) {
            if (part instanceof ContentPart.Text(String text)) {
                out.writeStartObject();
                out.writeStringProperty("type", "text");
                out.writeStringProperty("text", text);
                out.writeEndObject();
            } else if (part instanceof ContentPart.ImageRef(String url, String detail)) {
                out.writeStartObject();
                out.writeStringProperty("type", "image_url");
                out.writeObjectPropertyStart("image_url");
                out.writeStringProperty("url", url);
                if (detail != null) {
                    out.writeStringProperty("detail", detail);
                }
                out.writeEndObject();
                out.writeEndObject();
            }
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    private void assistant(Message m) {
        List<ContentPart.ToolCall> calls = m.parts().stream()
                .filter(ContentPart.ToolCall.class::isInstance).map(ContentPart.ToolCall.class::cast).toList();
        start("assistant", m);
        String text = m.text();
        if (calls.isEmpty() || !text.isEmpty()) {
            out.writeStringProperty("content", text);
        }
        if (!calls.isEmpty()) {
            out.writeArrayPropertyStart("tool_calls");
            String signature = null;
            for (ContentPart part : m.parts()) {
                if (part instanceof ContentPart.Reasoning r && r.signature() != null && OpenAiWire.GEMINI.equals(r.provider())) {
                    signature = r.signature();
                } else if (part instanceof ContentPart.ToolCall call) {
                    toolCall(call, dialect.thoughtSignatures() ? signature : null);
                    signature = null;
                }
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }

    private void toolCall(ContentPart.ToolCall call, @Nullable String thoughtSignature) {
        out.writeStartObject();
        out.writeStringProperty("id", ids.toWire(call.id()));
        out.writeStringProperty("type", "function");
        out.writeObjectPropertyStart("function");
        out.writeStringProperty("name", call.name());
        out.writeStringProperty("arguments", call.argumentsJson());
        out.writeEndObject();
        if (thoughtSignature != null) {
            out.writeObjectPropertyStart("extra_content");
            out.writeObjectPropertyStart("google");
            out.writeStringProperty("thought_signature", thoughtSignature);
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private void toolResults(Message m) {
        for (ContentPart part : m.parts()) {
            if (part instanceof ContentPart.ToolResult result) {
                out.writeStartObject();
                out.writeStringProperty("role", "tool");
                out.writeStringProperty("tool_call_id", ids.toWire(result.callId()));
                out.writeStringProperty("content", result.content());
                out.writeEndObject();
            }
        }
        previousRole = "tool";
    }

    private void start(String role, Message m) {
        out.writeStartObject();
        out.writeStringProperty("role", role);
        if (m.name() != null && !dialect.drops("messages[].name")) {
            out.writeStringProperty("name", m.name());
        }
        previousRole = m.role() == Role.TOOL ? "tool" : role;
    }
}
