package dev.switchboard.router.anthropic;

import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.TokenUsage;
import java.io.ByteArrayOutputStream;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes a whole {@link ChatResponse} as an Anthropic {@code message}, blocks in the order the model produced them. */
public final class AnthropicResponseEncoder {

    private final JsonMapper json;

    public AnthropicResponseEncoder(JsonMapper json) {
        this.json = json;
    }

    public byte[] encode(ChatResponse response) {
        var out = new ByteArrayOutputStream(512);
        boolean anyToolUse = !response.toolCalls().isEmpty();
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringProperty("id", messageId(response.id()));
            gen.writeStringProperty("type", "message");
            gen.writeStringProperty("role", "assistant");
            gen.writeStringProperty("model", response.model().model());
            gen.writeArrayPropertyStart("content");
            for (ContentPart part : response.content()) {
                block(gen, part);
            }
            gen.writeEndArray();
            var outcome = response.outcome();
            gen.writeStringProperty("stop_reason", stopReason(outcome.finishReason(), outcome.stopSequence(), anyToolUse));
            gen.writeStringProperty("stop_sequence", outcome.stopSequence());
            gen.writeName("usage");
            usage(gen, outcome.usage() == null ? TokenUsage.ZERO : outcome.usage());
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    private void block(JsonGenerator gen, ContentPart part) {
        switch (part) {
            case ContentPart.Text t when !t.text().isEmpty() -> {
                gen.writeStartObject();
                gen.writeStringProperty("type", "text");
                gen.writeStringProperty("text", t.text());
                gen.writeEndObject();
            }
            case ContentPart.Reasoning r -> {
                gen.writeStartObject();
                gen.writeStringProperty("type", "thinking");
                gen.writeStringProperty("thinking", r.text());
                gen.writeStringProperty("signature", r.signature() == null ? ""
                        : Signatures.encode(r.signature(), r.provider() == null ? Signatures.ANTHROPIC : r.provider()));
                gen.writeEndObject();
            }
            case ContentPart.RedactedReasoning r -> {
                gen.writeStartObject();
                gen.writeStringProperty("type", "redacted_thinking");
                gen.writeStringProperty("data", r.data());
                gen.writeEndObject();
            }
            case ContentPart.ToolCall call -> {
                gen.writeStartObject();
                gen.writeStringProperty("type", "tool_use");
                gen.writeStringProperty("id", call.id());
                gen.writeStringProperty("name", call.name());
                gen.writeName("input");
                gen.writeTree(input(call.argumentsJson()));
                gen.writeEndObject();
            }
            default -> { }
        }
    }

    /** The tool input as an object: empty arguments are {@code {}}; text that is not a JSON object is kept under {@code _raw}. */
    private JsonNode input(String arguments) {
        if (arguments.isBlank()) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(arguments);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException ignored) {
            // fall through: keep what the model wrote
        }
        return json.createObjectNode().put("_raw", arguments);
    }

    static String messageId(String responseId) {
        return responseId.startsWith("msg_") ? responseId : "msg_" + responseId;
    }

    static String stopReason(FinishReason reason, @Nullable String stopSequence, boolean anyToolUse) {
        if (anyToolUse) {
            return "tool_use";
        }
        return switch (reason) {
            case STOP -> stopSequence != null ? "stop_sequence" : "end_turn";
            case LENGTH -> "max_tokens";
            case TOOL_CALLS -> "tool_use";
            case CONTENT_FILTER -> "refusal";
        };
    }

    /** Anthropic's convention: {@code input_tokens} excludes the cached and cache-written tokens. */
    static void usage(JsonGenerator gen, TokenUsage usage) {
        gen.writeStartObject();
        gen.writeNumberProperty("input_tokens", Math.max(0, usage.input() - usage.cachedInput() - usage.cacheWrite()));
        gen.writeNumberProperty("output_tokens", usage.output());
        gen.writeNumberProperty("cache_creation_input_tokens", usage.cacheWrite());
        gen.writeNumberProperty("cache_read_input_tokens", usage.cachedInput());
        gen.writeEndObject();
    }
}
