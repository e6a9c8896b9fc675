package dev.switchboard.router.events;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.events.CompletionEvent;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A streamed answer assembled for the request log, only for teams that keep bodies:
 * {@code {"text":"..","toolCalls":[{"id":"..","name":"..","arguments":".."}],"finishReason":"STOP"}}
 * ({@code finishReason} null when the stream did not finish). Reasoning is left out. Text and arguments stop growing
 * past {@link CompletionEvent.Bodies#MAX_BYTES} characters in all, so a long stream holds bounded memory; the cap
 * then marks the bodies truncated.
 */
final class StreamedAnswer {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int LIMIT = CompletionEvent.Bodies.MAX_BYTES + 1;

    private final StringBuilder text = new StringBuilder();
    private final Map<Integer, ToolCall> calls = new TreeMap<>();
    private @Nullable String finish;
    private int size;

    /** Called from the request's signals, which Reactor serializes; read once after the request ended. */
    synchronized void accept(ChatEvent event) {
        switch (event) {
            case ChatEvent.TextDelta delta -> text.append(room(delta.text()));
            case ChatEvent.ToolCallStarted started -> calls.put(started.index(),
                    new ToolCall(started.callId(), started.name(), new StringBuilder()));
            case ChatEvent.ToolCallArgumentsDelta delta -> {
                ToolCall call = calls.get(delta.index());
                if (call != null) {
                    call.arguments().append(room(delta.jsonFragment()));
                }
            }
            case ChatEvent.Finished finished -> finish = finished.reason().name();
            default -> {
                // started, usage and reasoning are not part of the kept answer
            }
        }
    }

    synchronized byte[] json() {
        ObjectNode out = JSON.createObjectNode().put("text", text.toString());
        ArrayNode toolCalls = out.putArray("toolCalls");
        calls.values().forEach(call -> toolCalls.addObject().put("id", call.id()).put("name", call.name())
                .put("arguments", call.arguments().toString()));
        out.put("finishReason", finish);
        return JSON.writeValueAsBytes(out);
    }

    private String room(String piece) {
        int left = LIMIT - size;
        String kept = piece.length() <= left ? piece : piece.substring(0, Math.max(0, left));
        size += kept.length();
        return kept;
    }

    private record ToolCall(String id, String name, StringBuilder arguments) {}
}
