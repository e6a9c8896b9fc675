package dev.switchboard.router.anthropic;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.error.AnthropicErrorEnvelope;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.router.web.JsonChunks;
import dev.switchboard.router.web.SseEncoding;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Re-frames a {@link ChatEvent} stream as Anthropic's SSE sequence, as it arrives: {@code message_start}, one
 * {@code content_block_start}, {@code _delta}s and {@code _stop} per block (text, thinking, redacted thinking,
 * tool use; one block open at a time, indexes shared by all kinds), {@code message_delta} with the stop reason and the
 * usage, {@code message_stop}. One instance per response.
 */
public final class AnthropicSseEncoder implements SseEncoding {

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] DELTA_SUFFIX = "}}\n\n".getBytes(StandardCharsets.US_ASCII);

    private enum Block { NONE, TEXT, THINKING, REDACTED, TOOL }

    private final JsonMapper json;
    private final Map<Integer, Integer> blockOfTool = new HashMap<>();
    private Block open = Block.NONE;
    private int nextBlock;
    private boolean anyToolUse;
    private @Nullable TokenUsage usage;
    private int prefixIndex = -1;
    private @Nullable String prefixType;
    private byte[] prefix = EMPTY;

    public AnthropicSseEncoder(JsonMapper json) {
        this.json = json;
    }

    /** The bytes for one event; empty when the event produces nothing by itself. */
    @Override
    public byte[] encode(ChatEvent event) {
        byte[] fast = fastDelta(event);
        if (fast != null) {
            return fast;
        }
        var out = new ByteArrayOutputStream(256);
        switch (event) {
            case ChatEvent.Started s -> messageStart(out, s);
            case ChatEvent.TextDelta d -> {
                if (d.text().isEmpty()) {
                    return EMPTY;
                }
                openBlock(out, Block.TEXT, gen -> {
                    gen.writeStringProperty("type", "text");
                    gen.writeStringProperty("text", "");
                });
                delta(out, gen -> {
                    gen.writeStringProperty("type", "text_delta");
                    gen.writeStringProperty("text", d.text());
                });
            }
            case ChatEvent.ReasoningDelta d -> {
                openThinking(out);
                delta(out, gen -> {
                    gen.writeStringProperty("type", "thinking_delta");
                    gen.writeStringProperty("thinking", d.text());
                });
            }
            case ChatEvent.ReasoningSignature s -> {
                openThinking(out);
                delta(out, gen -> {
                    gen.writeStringProperty("type", "signature_delta");
                    gen.writeStringProperty("signature", Signatures.encode(s.signature(), s.provider()));
                });
                closeBlock(out);
            }
            case ChatEvent.RedactedReasoning r -> {
                closeBlock(out);
                startBlock(out, Block.REDACTED, gen -> {
                    gen.writeStringProperty("type", "redacted_thinking");
                    gen.writeStringProperty("data", r.data());
                });
                closeBlock(out);
            }
            case ChatEvent.ToolCallStarted s -> {
                closeBlock(out);
                anyToolUse = true;
                blockOfTool.put(s.index(), nextBlock);
                startBlock(out, Block.TOOL, gen -> {
                    gen.writeStringProperty("type", "tool_use");
                    gen.writeStringProperty("id", s.callId());
                    gen.writeStringProperty("name", s.name());
                    gen.writeObjectPropertyStart("input");
                    gen.writeEndObject();
                });
            }
            case ChatEvent.ToolCallArgumentsDelta d -> {
                if (d.jsonFragment().isEmpty()) {
                    return EMPTY;
                }
                Integer block = blockOfTool.get(d.index());
                event(out, "content_block_delta", gen -> {
                    gen.writeStringProperty("type", "content_block_delta");
                    gen.writeNumberProperty("index", block == null ? nextBlock - 1 : block);
                    gen.writeObjectPropertyStart("delta");
                    gen.writeStringProperty("type", "input_json_delta");
                    gen.writeStringProperty("partial_json", d.jsonFragment());
                    gen.writeEndObject();
                });
            }
            case ChatEvent.UsageReported u -> {
                usage = u.usage();
                return EMPTY;
            }
            case ChatEvent.Finished f -> finish(out, f);
        }
        return out.toByteArray();
    }

    /** An in-stream {@code error} event; the stream ends after it. */
    @Override
    public byte[] error(GatewayException e) {
        var out = new ByteArrayOutputStream(256);
        out.writeBytes("event: error\ndata: ".getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator gen = json.createGenerator(out)) {
            AnthropicErrorEnvelope.write(gen, e);
        }
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private void messageStart(ByteArrayOutputStream out, ChatEvent.Started s) {
        event(out, "message_start", gen -> {
            gen.writeStringProperty("type", "message_start");
            gen.writeObjectPropertyStart("message");
            gen.writeStringProperty("id", AnthropicResponseEncoder.messageId(s.responseId()));
            gen.writeStringProperty("type", "message");
            gen.writeStringProperty("role", "assistant");
            gen.writeStringProperty("model", s.model().model());
            gen.writeArrayPropertyStart("content");
            gen.writeEndArray();
            gen.writeNullProperty("stop_reason");
            gen.writeNullProperty("stop_sequence");
            gen.writeName("usage");
            AnthropicResponseEncoder.usage(gen, TokenUsage.ZERO);
            gen.writeEndObject();
        });
    }

    private void openThinking(ByteArrayOutputStream out) {
        openBlock(out, Block.THINKING, gen -> {
            gen.writeStringProperty("type", "thinking");
            gen.writeStringProperty("thinking", "");
        });
    }

    private void openBlock(ByteArrayOutputStream out, Block kind, Writer contentBlock) {
        if (open == kind) {
            return;
        }
        closeBlock(out);
        startBlock(out, kind, contentBlock);
    }

    private void startBlock(ByteArrayOutputStream out, Block kind, Writer contentBlock) {
        int index = nextBlock++;
        event(out, "content_block_start", gen -> {
            gen.writeStringProperty("type", "content_block_start");
            gen.writeNumberProperty("index", index);
            gen.writeName("content_block");
            gen.writeStartObject();
            contentBlock.write(gen);
            gen.writeEndObject();
        });
        open = kind;
    }

    private void closeBlock(ByteArrayOutputStream out) {
        if (open == Block.NONE) {
            return;
        }
        int index = nextBlock - 1;
        event(out, "content_block_stop", gen -> {
            gen.writeStringProperty("type", "content_block_stop");
            gen.writeNumberProperty("index", index);
        });
        open = Block.NONE;
    }

    /**
     * Most of a stream is deltas to the block already open: those are written from a prefix made once per block and
     * the text, into one array, with the bytes the generator would write.
     */
    private byte @Nullable [] fastDelta(ChatEvent event) {
        return switch (event) {
            case ChatEvent.TextDelta d when open == Block.TEXT && !d.text().isEmpty() ->
                    JsonChunks.wrap(deltaPrefix(nextBlock - 1, "text_delta", "text"), d.text(), DELTA_SUFFIX);
            case ChatEvent.ReasoningDelta d when open == Block.THINKING ->
                    JsonChunks.wrap(deltaPrefix(nextBlock - 1, "thinking_delta", "thinking"), d.text(), DELTA_SUFFIX);
            case ChatEvent.ToolCallArgumentsDelta d when open == Block.TOOL && !d.jsonFragment().isEmpty()
                    && blockOfTool.getOrDefault(d.index(), -1) == nextBlock - 1 ->
                    JsonChunks.wrap(deltaPrefix(nextBlock - 1, "input_json_delta", "partial_json"), d.jsonFragment(),
                            DELTA_SUFFIX);
            default -> null;
        };
    }

    private byte[] deltaPrefix(int index, String type, String field) {
        if (prefixIndex != index || !type.equals(prefixType)) {
            prefixIndex = index;
            prefixType = type;
            prefix = ("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":" + index
                    + ",\"delta\":{\"type\":\"" + type + "\",\"" + field + "\":").getBytes(StandardCharsets.US_ASCII);
        }
        return prefix;
    }

    private void delta(ByteArrayOutputStream out, Writer delta) {
        int index = nextBlock - 1;
        event(out, "content_block_delta", gen -> {
            gen.writeStringProperty("type", "content_block_delta");
            gen.writeNumberProperty("index", index);
            gen.writeObjectPropertyStart("delta");
            delta.write(gen);
            gen.writeEndObject();
        });
    }

    private void finish(ByteArrayOutputStream out, ChatEvent.Finished f) {
        closeBlock(out);
        TokenUsage used = usage == null ? TokenUsage.ZERO : usage;
        event(out, "message_delta", gen -> {
            gen.writeStringProperty("type", "message_delta");
            gen.writeObjectPropertyStart("delta");
            gen.writeStringProperty("stop_reason", AnthropicResponseEncoder.stopReason(f.reason(), f.stopSequence(),
                    anyToolUse));
            gen.writeStringProperty("stop_sequence", f.stopSequence());
            gen.writeEndObject();
            gen.writeName("usage");
            AnthropicResponseEncoder.usage(gen, used);
        });
        event(out, "message_stop", gen -> gen.writeStringProperty("type", "message_stop"));
    }

    private void event(ByteArrayOutputStream out, String name, Writer body) {
        out.writeBytes(("event: " + name + "\ndata: ").getBytes(StandardCharsets.US_ASCII));
        try (JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            body.write(gen);
            gen.writeEndObject();
        }
        out.writeBytes("\n\n".getBytes(StandardCharsets.US_ASCII));
    }

    @FunctionalInterface
    private interface Writer {
        void write(JsonGenerator gen);
    }
}
