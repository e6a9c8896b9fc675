package dev.switchboard.contracts.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Folds a {@link ChatEvent} stream into a {@link ChatResponse}; a non-streaming response is the collected stream. */
public final class ChatEvents {

    private ChatEvent.@Nullable Started started;
    private final List<Builder> parts = new ArrayList<>();
    private final Map<Integer, ToolCallBuilder> calls = new HashMap<>();
    private @Nullable TokenUsage usage;
    private ChatEvent.@Nullable Finished finish;

    public static ChatResponse collect(Iterable<? extends ChatEvent> events) {
        var collector = new ChatEvents();
        events.forEach(collector::accept);
        return collector.result();
    }

    public void accept(ChatEvent event) {
        switch (event) {
            case ChatEvent.Started s -> started = s;
            case ChatEvent.TextDelta d -> open(TextBuilder.class, TextBuilder::new).text.append(d.text());
            case ChatEvent.ReasoningDelta d -> open(ReasoningBuilder.class, ReasoningBuilder::new).text.append(d.text());
            case ChatEvent.ReasoningSignature s -> sign(s);
            case ChatEvent.RedactedReasoning r -> parts.add(new Fixed(new ContentPart.RedactedReasoning(r.data(), r.provider())));
            case ChatEvent.ToolCallStarted s -> {
                var call = new ToolCallBuilder(s.index(), s.callId(), s.name());
                calls.put(s.index(), call);
                parts.add(call);
            }
            case ChatEvent.ToolCallArgumentsDelta d -> {
                ToolCallBuilder call = calls.get(d.index());
                if (call == null) {
                    throw new IllegalStateException("arguments for tool call " + d.index() + " before it started");
                }
                call.arguments.append(d.jsonFragment());
            }
            case ChatEvent.UsageReported u -> usage = u.usage();
            case ChatEvent.Finished f -> finish = f;
        }
    }

    private void sign(ChatEvent.ReasoningSignature s) {
        if (!parts.isEmpty() && parts.getLast() instanceof ReasoningBuilder r && r.signature == null) {
            r.signature = s.signature();
            r.provider = s.provider();
        } else {
            var r = new ReasoningBuilder();
            r.signature = s.signature();
            r.provider = s.provider();
            parts.add(r);
        }
    }

    private <B extends Builder> B open(Class<B> type, Supplier<B> factory) {
        if (!parts.isEmpty() && type.isInstance(parts.getLast()) && !parts.getLast().closed()) {
            return type.cast(parts.getLast());
        }
        B b = factory.get();
        parts.add(b);
        return b;
    }

    public ChatResponse result() {
        if (started == null || finish == null) {
            throw new IllegalStateException("stream ended without " + (started == null ? "Started" : "Finished"));
        }
        List<ContentPart> content = new ArrayList<>(parts.size());
        var byIndex = calls.values().stream().sorted(Comparator.comparingInt(c -> c.index)).iterator();
        for (Builder b : parts) {
            content.add((b instanceof ToolCallBuilder ? byIndex.next() : b).build());
        }
        return new ChatResponse(started.responseId(), started.model(), content,
                new ChatResponse.Outcome(finish.reason(), usage, finish.stopSequence()));
    }

    private sealed interface Builder permits TextBuilder, ReasoningBuilder, ToolCallBuilder, Fixed {
        ContentPart build();

        default boolean closed() {
            return false;
        }
    }

    private static final class TextBuilder implements Builder {
        final StringBuilder text = new StringBuilder();

        @Override
        public ContentPart build() {
            return new ContentPart.Text(text.toString());
        }
    }

    private static final class ReasoningBuilder implements Builder {
        final StringBuilder text = new StringBuilder();
        @Nullable String signature;
        @Nullable String provider;

        @Override
        public ContentPart build() {
            return new ContentPart.Reasoning(text.toString(), signature, provider);
        }

        @Override
        public boolean closed() {
            return signature != null;
        }
    }

    private static final class ToolCallBuilder implements Builder {
        final int index;
        final String id;
        final String name;
        final StringBuilder arguments = new StringBuilder();

        /** Calls keep the slots they arrived in but fill them in index order. */
        ToolCallBuilder(int index, String id, String name) {
            this.index = index;
            this.id = id;
            this.name = name;
        }

        @Override
        public ContentPart build() {
            return new ContentPart.ToolCall(id, name, arguments.toString());
        }
    }

    private record Fixed(ContentPart part) implements Builder {
        @Override
        public ContentPart build() {
            return part;
        }
    }
}
