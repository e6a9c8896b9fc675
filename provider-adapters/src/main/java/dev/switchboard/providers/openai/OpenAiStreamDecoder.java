package dev.switchboard.providers.openai;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.sse.SseEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

/**
 * Decodes one OpenAI-style chunk stream into canonical events. Per-stream state, no I/O. The finish reason and
 * usage are held until {@code [DONE]} (or a clean end after a finish reason), because usage may come after the
 * finish chunk; they are then emitted once, usage first. Upstream tool-call indexes (or their absence) become
 * 0-based indexes in order of appearance.
 */
final class OpenAiStreamDecoder {

    private final String provider;
    private final String targetModel;
    private final ToolIds ids;
    private final OpenAiErrorMapper errors;
    private boolean started;
    private boolean done;
    private @Nullable FinishReason finish;
    private @Nullable TokenUsage usage;
    private final Map<Integer, Integer> toolIndexByUpstreamIndex = new HashMap<>();
    private int toolCalls;
    private int lastTool = -1;

    OpenAiStreamDecoder(String provider, String targetModel, ToolIds ids, OpenAiErrorMapper errors) {
        this.provider = provider;
        this.targetModel = targetModel;
        this.ids = ids;
        this.errors = errors;
    }

    List<ChatEvent> onEvent(SseEvent event) {
        if (done) {
            return List.of();
        }
        String data = event.data();
        if (data.equals("[DONE]")) {
            return end();
        }
        OpenAiWire.Chunk chunk = parse(data);
        if (chunk.error() != null && !chunk.error().isNull()) {
            throw errors.inStream(chunk.error());
        }
        List<ChatEvent> out = new ArrayList<>(2);
        if (!started) {
            started = true;
            String id = chunk.id() != null ? chunk.id() : "chatcmpl-" + UUID.randomUUID();
            out.add(new ChatEvent.Started(id, new ResolvedModel(provider, chunk.model() != null ? chunk.model() : targetModel)));
        }
        OpenAiWire.Usage reported = OpenAiOutcome.reported(chunk.usage(), chunk.xGroq());
        if (reported != null) {
            usage = OpenAiOutcome.normalise(reported);
        }
        if (chunk.choices() != null) {
            for (OpenAiWire.Choice choice : chunk.choices()) {
                if (choice.index() == 0) {
                    choice(choice, out);
                }
            }
        }
        return out;
    }

    /** The upstream closed the stream: fine after a finish reason, a mid-stream failure otherwise. */
    List<ChatEvent> onEnd() {
        if (done) {
            return List.of();
        }
        if (finish == null) {
            throw new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                    provider + ": stream ended before the upstream finished (" + (started ? "mid-stream" : "no chunk") + ")",
                    GatewayException.Origin.upstream(provider, 200, null));
        }
        return end();
    }

    private List<ChatEvent> end() {
        done = true;
        if (!started) {
            throw new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, provider + ": stream ended without any chunk",
                    GatewayException.Origin.upstream(provider, 200, null));
        }
        FinishReason reason = OpenAiOutcome.settle(finish, toolCalls > 0);
        return usage == null ? List.of(new ChatEvent.Finished(reason))
                : List.of(new ChatEvent.UsageReported(usage), new ChatEvent.Finished(reason));
    }

    private void choice(OpenAiWire.Choice choice, List<ChatEvent> out) {
        OpenAiWire.Delta delta = choice.delta();
        if (delta != null) {
            String reasoning = delta.reasoningContent() != null ? delta.reasoningContent() : delta.reasoning();
            if (reasoning != null && !reasoning.isEmpty()) {
                out.add(new ChatEvent.ReasoningDelta(reasoning));
            }
            if (delta.content() != null && !delta.content().isEmpty()) {
                out.add(new ChatEvent.TextDelta(delta.content()));
            }
            if (delta.toolCalls() != null) {
                delta.toolCalls().forEach(call -> toolCall(call, out));
            }
        }
        String reason = choice.finishReason();
        if (reason != null) {
            finish = OpenAiOutcome.finishReason(reason, errors);
        }
    }

    private void toolCall(OpenAiWire.ToolCallDelta call, List<ChatEvent> out) {
        OpenAiWire.FunctionDelta function = call.function();
        String name = function == null ? null : function.name();
        Integer known = call.index() == null ? null : toolIndexByUpstreamIndex.get(call.index());
        int index;
        if (known != null) {
            index = known;
        } else if (call.index() != null || call.id() != null || name != null || lastTool < 0) {
            index = toolCalls++;
            if (call.index() != null) {
                toolIndexByUpstreamIndex.put(call.index(), index);
            }
            String signature = OpenAiWire.thoughtSignature(call.extraContent());
            if (signature != null) {
                out.add(new ChatEvent.ReasoningSignature(signature, OpenAiWire.GEMINI));
            }
            out.add(new ChatEvent.ToolCallStarted(index, ids.fromWire(call.id(), index), name == null ? "" : name));
        } else {
            index = lastTool; // an index-less continuation of the call before it
        }
        lastTool = index;
        if (function != null && function.arguments() != null && !function.arguments().isEmpty()) {
            out.add(new ChatEvent.ToolCallArgumentsDelta(index, function.arguments()));
        }
    }

    private OpenAiWire.Chunk parse(String data) {
        try {
            return OpenAiWire.JSON.readValue(data, OpenAiWire.Chunk.class);
        } catch (JacksonException e) {
            throw new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                    provider + ": malformed stream chunk (" + e.getOriginalMessage() + ")",
                    GatewayException.Origin.upstream(provider, 200, null));
        }
    }
}
