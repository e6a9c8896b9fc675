package dev.switchboard.router.openai;

import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.TokenUsage;
import java.io.ByteArrayOutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** Writes a collected completion as an OpenAI {@code chat.completion} object. */
public final class OpenAiResponseEncoder {

    private final JsonMapper json;

    public OpenAiResponseEncoder(JsonMapper json) {
        this.json = json;
    }

    public byte[] encode(ChatResponse response, long createdEpochSeconds) {
        var out = new ByteArrayOutputStream(512 + response.text().length());
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringProperty("id", response.id());
            gen.writeStringProperty("object", "chat.completion");
            gen.writeNumberProperty("created", createdEpochSeconds);
            gen.writeStringProperty("model", response.model().model());
            gen.writeArrayPropertyStart("choices");
            gen.writeStartObject();
            gen.writeNumberProperty("index", 0);
            message(gen, response);
            gen.writeNullProperty("logprobs");
            gen.writeStringProperty("finish_reason", finishReason(response.outcome().finishReason()));
            gen.writeEndObject();
            gen.writeEndArray();
            gen.writeName("usage");
            TokenUsage usage = response.outcome().usage();
            usage(gen, usage == null ? TokenUsage.ZERO : usage);
            gen.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void message(JsonGenerator gen, ChatResponse response) {
        gen.writeObjectPropertyStart("message");
        gen.writeStringProperty("role", "assistant");
        boolean hasCalls = !response.toolCalls().isEmpty();
        gen.writeStringProperty("content", hasCalls && response.text().isEmpty() ? null : response.text());
        if (!response.reasoning().isEmpty()) {
            gen.writeStringProperty("reasoning_content", response.reasoning());
        }
        gen.writeNullProperty("refusal");
        if (hasCalls) {
            gen.writeArrayPropertyStart("tool_calls");
            String signature = null;
            for (ContentPart part : response.content()) {
                if (part instanceof ContentPart.Reasoning r && r.text().isEmpty() && "gemini".equals(r.provider())) {
                    signature = r.signature();
                } else if (part instanceof ContentPart.ToolCall call) {
                    gen.writeStartObject();
                    gen.writeStringProperty("id", call.id());
                    gen.writeStringProperty("type", "function");
                    gen.writeObjectPropertyStart("function");
                    gen.writeStringProperty("name", call.name());
                    gen.writeStringProperty("arguments", call.argumentsJson());
                    gen.writeEndObject();
                    if (signature != null) {
                        thoughtSignature(gen, signature);
                        signature = null;
                    }
                    gen.writeEndObject();
                }
            }
            gen.writeEndArray();
        }
        gen.writeEndObject();
    }

    /** Gemini's thought signature on a tool call, in the shape Gemini's own OpenAI-compatible endpoint uses. */
    static void thoughtSignature(JsonGenerator gen, String signature) {
        gen.writeObjectPropertyStart("extra_content");
        gen.writeObjectPropertyStart("google");
        gen.writeStringProperty("thought_signature", signature);
        gen.writeEndObject();
        gen.writeEndObject();
    }

    static void usage(JsonGenerator gen, TokenUsage usage) {
        gen.writeStartObject();
        gen.writeNumberProperty("prompt_tokens", usage.input());
        gen.writeNumberProperty("completion_tokens", usage.output());
        gen.writeNumberProperty("total_tokens", usage.total());
        gen.writeObjectPropertyStart("prompt_tokens_details");
        gen.writeNumberProperty("cached_tokens", usage.cachedInput());
        gen.writeEndObject();
        gen.writeObjectPropertyStart("completion_tokens_details");
        gen.writeNumberProperty("reasoning_tokens", usage.reasoning());
        gen.writeEndObject();
        gen.writeEndObject();
    }

    static String finishReason(FinishReason reason) {
        return switch (reason) {
            case STOP -> "stop";
            case LENGTH -> "length";
            case TOOL_CALLS -> "tool_calls";
            case CONTENT_FILTER -> "content_filter";
        };
    }
}
