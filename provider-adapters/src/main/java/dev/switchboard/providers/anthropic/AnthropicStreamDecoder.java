package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.sse.SseEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Decodes one Anthropic SSE stream into canonical events (provider-protocols §2.7, §5.9 A). Per-stream state, no I/O.
 * Tool calls are numbered by their running count, not by block index (BerriAI/litellm#5231), and argument fragments
 * are routed by the event's block index. Usage is cumulative: later reports replace earlier fields. Usage and the
 * finish reason go out at {@code message_stop}; a stream that ends before it failed.
 */
final class AnthropicStreamDecoder {

    private final String provider;
    private final AnthropicErrorMapper errors;
    private boolean started;
    private boolean done;
    private final Map<Integer, ToolBlock> toolBlocks = new HashMap<>();
    private int toolCalls;
    private AnthropicWire.@Nullable Usage usage;
    private @Nullable String stopReason;
    private @Nullable String stopSequence;

    AnthropicStreamDecoder(String provider, AnthropicErrorMapper errors) {
        this.provider = provider;
        this.errors = errors;
    }

    List<ChatEvent> onEvent(SseEvent sse) {
        if (done) {
            return List.of();
        }
        AnthropicWire.Event event = parse(sse.data());
        String type = event.type() != null ? event.type() : sse.event();
        return switch (type) {
            case "message_start" -> messageStart(event);
            case "content_block_start" -> blockStart(event);
            case "content_block_delta" -> blockDelta(event);
            case "content_block_stop" -> blockStop(event);
            case "message_delta" -> messageDelta(event);
            case "message_stop" -> messageStop();
            case "error" -> throw errors.inBand(event.error());
            default -> List.of(); // ping, and event types added later
        };
    }

    /** The upstream closed the stream: a failure unless {@code message_stop} came first. */
    List<ChatEvent> onEnd() {
        if (!done) {
            throw new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, provider + ": stream ended before message_stop ("
                    + (started ? "mid-stream" : "no message_start") + ", upstream 200)",
                    GatewayException.Origin.upstream(provider, 200, null));
        }
        return List.of();
    }

    private List<ChatEvent> messageStart(AnthropicWire.Event event) {
        AnthropicWire.Message message = event.message();
        if (started || message == null || message.id() == null || message.model() == null) {
            throw malformed(started ? "a second message_start" : "message_start without id or model");
        }
        started = true;
        usage = message.usage();
        return List.of(new ChatEvent.Started(message.id(), new ResolvedModel(provider, message.model())));
    }

    private List<ChatEvent> blockStart(AnthropicWire.Event event) {
        AnthropicWire.Block block = require(event.contentBlock(), "content_block_start without content_block");
        return switch (block.type() == null ? "" : block.type()) {
            case "tool_use" -> {
                int index = toolCalls++;
                toolBlocks.put(blockIndex(event), new ToolBlock(index));
                yield List.of(new ChatEvent.ToolCallStarted(index, orEmpty(block.id()), orEmpty(block.name())));
            }
            case "redacted_thinking" -> List.of(new ChatEvent.RedactedReasoning(orEmpty(block.data()),
                    AnthropicMessageWriter.PROVIDER));
            default -> List.of(); // text and thinking start empty; their deltas follow
        };
    }

    private List<ChatEvent> blockDelta(AnthropicWire.Event event) {
        AnthropicWire.Delta delta = require(event.delta(), "content_block_delta without delta");
        return switch (delta.type() == null ? "" : delta.type()) {
            case "text_delta" -> nonEmpty(delta.text(), ChatEvent.TextDelta::new);
            case "thinking_delta" -> nonEmpty(delta.thinking(), ChatEvent.ReasoningDelta::new);
            case "signature_delta" -> nonEmpty(delta.signature(),
                    s -> new ChatEvent.ReasoningSignature(s, AnthropicMessageWriter.PROVIDER));
            case "input_json_delta" -> arguments(event, delta.partialJson());
            default -> List.of(); // citations_delta and later additions
        };
    }

    private List<ChatEvent> arguments(AnthropicWire.Event event, @Nullable String fragment) {
        ToolBlock tool = toolBlocks.get(blockIndex(event));
        if (tool == null) {
            throw malformed("input_json_delta for block " + event.index() + ", which is not a tool_use block");
        }
        if (fragment == null || fragment.isEmpty()) {
            return List.of();
        }
        tool.argumentsSeen = true;
        return List.of(new ChatEvent.ToolCallArgumentsDelta(tool.index, fragment));
    }

    /** A tool that got no argument fragment still gets {@code {}}, so callers can parse its arguments. */
    private List<ChatEvent> blockStop(AnthropicWire.Event event) {
        checkStarted();
        ToolBlock tool = toolBlocks.remove(blockIndex(event));
        return tool == null || tool.argumentsSeen ? List.of() : List.of(new ChatEvent.ToolCallArgumentsDelta(tool.index, "{}"));
    }

    private List<ChatEvent> messageDelta(AnthropicWire.Event event) {
        checkStarted();
        if (event.delta() != null) {
            stopReason = event.delta().stopReason() != null ? event.delta().stopReason() : stopReason;
            stopSequence = event.delta().stopSequence() != null ? event.delta().stopSequence() : stopSequence;
        }
        usage = AnthropicUsage.merge(usage, event.usage());
        return List.of();
    }

    private List<ChatEvent> messageStop() {
        checkStarted();
        done = true;
        var finished = new ChatEvent.Finished(AnthropicOutcome.finishReason(stopReason),
                AnthropicOutcome.stopSequence(stopReason, stopSequence));
        return usage == null ? List.of(finished)
                : List.of(new ChatEvent.UsageReported(AnthropicUsage.normalise(usage)), finished);
    }

    private void checkStarted() {
        if (!started) {
            throw malformed("content before message_start");
        }
    }

    private <T> T require(@Nullable T part, String missing) {
        checkStarted();
        if (part == null) {
            throw malformed(missing);
        }
        return part;
    }

    private int blockIndex(AnthropicWire.Event event) {
        if (event.index() == null) {
            throw malformed(event.type() + " without index");
        }
        return event.index();
    }

    private static List<ChatEvent> nonEmpty(@Nullable String text, Function<String, ChatEvent> event) {
        return text == null || text.isEmpty() ? List.of() : List.of(event.apply(text));
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }

    private AnthropicWire.Event parse(String data) {
        try {
            AnthropicWire.Event event = AnthropicWire.JSON.readValue(data, AnthropicWire.Event.class);
            if (event == null) {
                throw malformed("empty event data");
            }
            return event;
        } catch (JacksonException e) {
            throw malformed(e.getOriginalMessage());
        }
    }

    private GatewayException malformed(String detail) {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, provider + ": malformed stream event ("
                + detail + ", upstream 200)", GatewayException.Origin.upstream(provider, 200, null));
    }

    /** A tool_use block in progress. */
    private static final class ToolBlock {
        final int index;
        boolean argumentsSeen;

        ToolBlock(int index) {
            this.index = index;
        }
    }
}
