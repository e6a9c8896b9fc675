package dev.switchboard.router.openai;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.error.OpenAiErrorEnvelope;
import dev.switchboard.router.web.JsonChunks;
import dev.switchboard.router.web.SseEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link ChatEvent} stream as OpenAI {@code chat.completion.chunk} server-sent events: the only place
 * that writes {@code data:} lines. One instance per response. Usage is held back and, when the caller asked for it
 * with {@code stream_options.include_usage}, sent in a final chunk with empty {@code choices} before
 * {@code [DONE]}, as OpenAI does.
 */
public final class OpenAiSseEncoder implements SseEncoding {

    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY = new byte[0];
    private static final String GEMINI = "gemini";

    private final JsonMapper json;
    private final boolean includeUsage;
    private final long created;
    private String id = "chatcmpl-unknown";
    private String model = "unknown";
    private @Nullable TokenUsage usage;
    private byte[] contentPrefix = EMPTY;
    private byte[] contentSuffix = EMPTY;
    private @Nullable String pendingSignature;

    public OpenAiSseEncoder(JsonMapper json, boolean includeUsage, long createdEpochSeconds) {
        this.json = json;
        this.includeUsage = includeUsage;
        this.created = createdEpochSeconds;
    }

    /** The bytes for one event; empty when the event produces no chunk by itself. */
    @Override
    public byte[] encode(ChatEvent event) {
        return switch (event) {
            case ChatEvent.Started s -> {
                id = s.responseId();
                model = s.model().model();
                prepareContentChunks();
                yield chunk(gen -> {
                    gen.writeStringProperty("role", "assistant");
                    gen.writeStringProperty("content", "");
                }, null);
            }
            case ChatEvent.TextDelta d -> content(d.text());
            case ChatEvent.ReasoningDelta d -> chunk(gen -> gen.writeStringProperty("reasoning_content", d.text()), null);
            case ChatEvent.ReasoningSignature s -> {
                pendingSignature = GEMINI.equals(s.provider()) ? s.signature() : null;
                yield EMPTY;
            }
            case ChatEvent.RedactedReasoning r -> EMPTY;
            case ChatEvent.ToolCallStarted s -> {
                String signature = pendingSignature;
                pendingSignature = null;
                yield chunk(gen -> toolCall(gen, s.index(), s.callId(), s.name(), "", signature), null);
            }
            case ChatEvent.ToolCallArgumentsDelta d -> chunk(gen -> toolCall(gen, d.index(), null, null, d.jsonFragment(), null), null);
            case ChatEvent.UsageReported u -> {
                usage = u.usage();
                yield EMPTY;
            }
            case ChatEvent.Finished f -> finish(OpenAiResponseEncoder.finishReason(f.reason()));
        };
    }

    /**
     * Text deltas are most of a stream's chunks: they are written from a prefix and suffix made once per stream,
     * with the same bytes the generator would write.
     */
    private void prepareContentChunks() {
        var prefix = new StringBuilder(160).append("data: {\"id\":");
        JsonText.quote(prefix, id).append(",\"object\":\"chat.completion.chunk\",\"created\":").append(created)
                .append(",\"model\":");
        JsonText.quote(prefix, model).append(",\"choices\":[{\"index\":0,\"delta\":{\"content\":");
        contentPrefix = prefix.toString().getBytes(StandardCharsets.UTF_8);
        contentSuffix = ("},\"logprobs\":null,\"finish_reason\":null}]" + (includeUsage ? ",\"usage\":null" : "")
                + "}\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** One array per chunk: the chunk's own bytes. */
    private byte[] content(String text) {
        return JsonChunks.wrap(contentPrefix, text, contentSuffix);
    }

    /** An in-stream error event; the stream ends after it. */
    @Override
    public byte[] error(GatewayException e) {
        var out = new ByteArrayOutputStream(256);
        out.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeName("error");
            OpenAiErrorEnvelope.write(gen, e);
            gen.writeEndObject();
        }
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private byte[] finish(String reason) {
        var out = new ByteArrayOutputStream(512);
        write(out, gen -> { }, reason);
        if (includeUsage) {
            event(out, gen -> {
                header(gen);
                gen.writeArrayPropertyStart("choices");
                gen.writeEndArray();
                gen.writeName("usage");
                OpenAiResponseEncoder.usage(gen, usage == null ? TokenUsage.ZERO : usage);
                gen.writeEndObject();
            });
        }
        out.writeBytes(DONE);
        return out.toByteArray();
    }

    private byte[] chunk(DeltaWriter delta, @Nullable String finishReason) {
        var out = new ByteArrayOutputStream(192);
        write(out, delta, finishReason);
        return out.toByteArray();
    }

    private void write(ByteArrayOutputStream out, DeltaWriter delta, @Nullable String finishReason) {
        event(out, gen -> {
            header(gen);
            gen.writeArrayPropertyStart("choices");
            gen.writeStartObject();
            gen.writeNumberProperty("index", 0);
            gen.writeObjectPropertyStart("delta");
            delta.write(gen);
            gen.writeEndObject();
            gen.writeNullProperty("logprobs");
            gen.writeStringProperty("finish_reason", finishReason);
            gen.writeEndObject();
            gen.writeEndArray();
            if (includeUsage) {
                gen.writeNullProperty("usage");
            }
            gen.writeEndObject();
        });
    }

    private void event(ByteArrayOutputStream out, DeltaWriter body) {
        out.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator gen = json.createGenerator(out)) {
            body.write(gen);
        }
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
    }

    private void header(JsonGenerator gen) {
        gen.writeStartObject();
        gen.writeStringProperty("id", id);
        gen.writeStringProperty("object", "chat.completion.chunk");
        gen.writeNumberProperty("created", created);
        gen.writeStringProperty("model", model);
    }

    private static void toolCall(JsonGenerator gen, int index, @Nullable String id, @Nullable String name,
                                 String arguments, @Nullable String thoughtSignature) {
        gen.writeArrayPropertyStart("tool_calls");
        gen.writeStartObject();
        gen.writeNumberProperty("index", index);
        if (id != null) {
            gen.writeStringProperty("id", id);
            gen.writeStringProperty("type", "function");
        }
        gen.writeObjectPropertyStart("function");
        if (name != null) {
            gen.writeStringProperty("name", name);
        }
        gen.writeStringProperty("arguments", arguments);
        gen.writeEndObject();
        if (thoughtSignature != null) {
            OpenAiResponseEncoder.thoughtSignature(gen, thoughtSignature);
        }
        gen.writeEndObject();
        gen.writeEndArray();
    }

    @FunctionalInterface
    private interface DeltaWriter {
        void write(JsonGenerator gen);
    }
}
