package dev.switchboard.contracts.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Folds a {@link ChatEvent} stream into a {@link ChatResponse}; a non-streaming response is the collected stream. */
public final class ChatEvents {

    private ChatEvent.@Nullable Started started;
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder reasoning = new StringBuilder();
    private final TreeMap<Integer, ToolCallBuilder> calls = new TreeMap<>();
    private @Nullable TokenUsage usage;
    private @Nullable FinishReason finish;

    public static ChatResponse collect(Iterable<? extends ChatEvent> events) {
        var collector = new ChatEvents();
        events.forEach(collector::accept);
        return collector.result();
    }

    public void accept(ChatEvent event) {
        switch (event) {
            case ChatEvent.Started s -> started = s;
            case ChatEvent.TextDelta d -> text.append(d.text());
            case ChatEvent.ReasoningDelta d -> reasoning.append(d.text());
            case ChatEvent.ToolCallStarted s -> calls.put(s.index(), new ToolCallBuilder(s.callId(), s.name()));
            case ChatEvent.ToolCallArgumentsDelta d -> {
                ToolCallBuilder call = calls.get(d.index());
                if (call == null) {
                    throw new IllegalStateException("arguments for tool call " + d.index() + " before it started");
                }
                call.arguments.append(d.jsonFragment());
            }
            case ChatEvent.UsageReported u -> usage = u.usage();
            case ChatEvent.Finished f -> finish = f.reason();
        }
    }

    public ChatResponse result() {
        if (started == null || finish == null) {
            throw new IllegalStateException("stream ended without " + (started == null ? "Started" : "Finished"));
        }
        List<ContentPart.ToolCall> toolCalls = new ArrayList<>(calls.size());
        calls.values().forEach(c -> toolCalls.add(new ContentPart.ToolCall(c.id, c.name, c.arguments.toString())));
        return new ChatResponse(started.responseId(), started.model(), text.toString(), reasoning.toString(),
                toolCalls, new ChatResponse.Outcome(finish, usage));
    }

    private static final class ToolCallBuilder {
        final String id;
        final String name;
        final StringBuilder arguments = new StringBuilder();

        ToolCallBuilder(String id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
