package dev.switchboard.providers.openai;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Sampling;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Canonical request → OpenAI chat-completions JSON in a dialect. Streamed requests carry {@code stream:true} and,
 * where the dialect wants it, {@code stream_options.include_usage}; whole ones {@code stream:false} and no
 * {@code stream_options} (OpenAI rejects stream_options without stream). Pure.
 */
final class OpenAiRequestMapper {

    private OpenAiRequestMapper() {}

    static byte[] toWire(ChatRequest request, String model, OpenAiDialect dialect, ToolIds ids, boolean stream) {
        var bytes = new ByteArrayOutputStream(1024);
        try (JsonGenerator out = OpenAiWire.JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringProperty("model", model);
            new OpenAiMessageWriter(out, dialect, ids).write(request.messages());
            out.writeBooleanProperty("stream", stream);
            if (stream && dialect.streamUsage()) {
                out.writeObjectPropertyStart("stream_options");
                out.writeBooleanProperty("include_usage", true);
                out.writeEndObject();
            }
            tools(out, request, dialect);
            responseFormat(out, request.options().responseFormat());
            sampling(out, request.sampling(), dialect);
            reasoningAndUser(out, request.options(), dialect);
            out.writeEndObject();
        }
        return bytes.toByteArray();
    }

    private static void tools(JsonGenerator out, ChatRequest request, OpenAiDialect dialect) {
        List<ToolSpec> tools = request.tools();
        if (tools.isEmpty()) {
            return;
        }
        out.writeArrayPropertyStart("tools");
        for (ToolSpec tool : tools) {
            out.writeStartObject();
            out.writeStringProperty("type", "function");
            out.writeObjectPropertyStart("function");
            out.writeStringProperty("name", tool.name());
            if (tool.description() != null) {
                out.writeStringProperty("description", tool.description());
            }
            if (tool.parametersJson() != null) {
                out.writeName("parameters");
                out.writeRawValue(tool.parametersJson());
            }
            if (tool.strict()) {
                out.writeBooleanProperty("strict", true);
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        toolChoice(out, request.options().toolChoice(), dialect);
        if (!request.options().parallelToolCalls() && !dialect.drops("parallel_tool_calls")) {
            out.writeBooleanProperty("parallel_tool_calls", false);
        }
    }

    private static void toolChoice(JsonGenerator out, ToolChoice choice, OpenAiDialect dialect) {
        switch (choice) {
            case ToolChoice.Auto a -> { } // the upstream default once tools are present
            case ToolChoice.None n -> out.writeStringProperty("tool_choice", "none");
            case ToolChoice.Required r -> out.writeStringProperty("tool_choice", dialect.requiredToolChoice());
            case ToolChoice.Named(String name) -> {
                out.writeObjectPropertyStart("tool_choice");
                out.writeStringProperty("type", "function");
                out.writeObjectPropertyStart("function");
                out.writeStringProperty("name", name);
                out.writeEndObject();
                out.writeEndObject();
            }
        }
    }

    private static void responseFormat(JsonGenerator out, ResponseFormat format) {
        switch (format) {
            case ResponseFormat.Text t -> { }
            case ResponseFormat.JsonObject j -> {
                out.writeObjectPropertyStart("response_format");
                out.writeStringProperty("type", "json_object");
                out.writeEndObject();
            }
            case ResponseFormat.JsonSchema schema -> {
                out.writeObjectPropertyStart("response_format");
                out.writeStringProperty("type", "json_schema");
                out.writeObjectPropertyStart("json_schema");
                out.writeStringProperty("name", schema.name());
                if (schema.schemaJson() != null) {
                    out.writeName("schema");
                    out.writeRawValue(schema.schemaJson());
                }
                out.writeBooleanProperty("strict", schema.strict());
                out.writeEndObject();
                out.writeEndObject();
            }
        }
    }

    /**
     * {@code reasoning_effort} only when the caller named an effort: a bare token budget (Anthropic's thinking) is
     * not sent, since non-reasoning OpenAI models reject the field.
     */
    private static void reasoningAndUser(JsonGenerator out, ChatRequest.Options options, OpenAiDialect dialect) {
        ChatRequest.Thinking thinking = options.thinking();
        if (thinking != null && thinking.effort() != null && !dialect.drops("reasoning_effort")) {
            out.writeStringProperty("reasoning_effort", thinking.effort());
        }
        if (options.user() != null && !dialect.drops("user")) {
            out.writeStringProperty("user", options.user());
        }
    }

    private static void sampling(JsonGenerator out, Sampling s, OpenAiDialect dialect) {
        if (s.temperature() != null) {
            out.writeNumberProperty("temperature", s.temperature());
        }
        if (s.topP() != null) {
            out.writeNumberProperty("top_p", s.topP());
        }
        if (s.maxOutputTokens() != null) {
            out.writeNumberProperty(dialect.maxTokensField(), s.maxOutputTokens());
        }
        if (!s.stop().isEmpty() && !dialect.drops("stop")) {
            out.writeArrayPropertyStart("stop");
            s.stop().forEach(out::writeString);
            out.writeEndArray();
        }
        if (s.seed() != null && !dialect.drops("seed")) {
            out.writeNumberProperty(dialect.seedField(), s.seed());
        }
        Double presence = s.penalties().presence();
        if (presence != null && !dialect.drops("presence_penalty")) {
            out.writeNumberProperty("presence_penalty", presence);
        }
        Double frequency = s.penalties().frequency();
        if (frequency != null && !dialect.drops("frequency_penalty")) {
            out.writeNumberProperty("frequency_penalty", frequency);
        }
    }
}
