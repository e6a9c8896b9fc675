package dev.switchboard.benchmarks;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.NonStreamingChat;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Kind {@code canned}: answers at once, synchronously, with the same text every time. The text deltas are made once
 * (an upstream decoder's work, not measured here); each call adds only its {@code Started}, so what a benchmark
 * allocates per chunk is the router's and the encoder's.
 */
final class CannedAdapter implements ProviderAdapter, NonStreamingChat {

    static final String KIND = "canned";
    static final String RESPONSE_ID = "chatcmpl-bench-0001";
    static final TokenUsage USAGE = TokenUsage.of(412, 100);

    private final List<ChatEvent.TextDelta> deltas;
    private final String text;
    private final ChatEvent.UsageReported usage = new ChatEvent.UsageReported(USAGE);
    private final ChatEvent.Finished finished = new ChatEvent.Finished(FinishReason.STOP);

    CannedAdapter(List<ChatEvent.TextDelta> deltas) {
        this.deltas = List.copyOf(deltas);
        var all = new StringBuilder();
        deltas.forEach(d -> all.append(d.text()));
        this.text = all.toString();
    }

    /** {@code count} deltas of about four characters of ordinary prose, with the odd quote and line break. */
    static List<ChatEvent.TextDelta> prose(int count) {
        String source = "Saturday looks better for the boat trip: 24°C, light wind and \"mostly sunny\". "
                + "The Oceanarium opens at 10:00 on Sundays.\nTake the ferry from Cais do Sodré; it runs every 20 minutes. ";
        var out = new java.util.ArrayList<ChatEvent.TextDelta>(count);
        for (int i = 0; i < count; i++) {
            int start = (i * 4) % (source.length() - 4);
            out.add(new ChatEvent.TextDelta(source.substring(start, start + 4)));
        }
        return out;
    }

    /** The events of one answer: {@code Started}, the deltas, {@code UsageReported}, {@code Finished}. */
    List<ChatEvent> events(UpstreamTarget target) {
        return new Transcript(new ChatEvent.Started(RESPONSE_ID, new ResolvedModel(target.provider(), target.model())));
    }

    String text() {
        return text;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Capabilities capabilities() {
        return Capabilities.ALL;
    }

    @Override
    public Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target) {
        requireNonNull(request, "request");
        return Flux.fromIterable(events(target));
    }

    @Override
    public Mono<ChatResponse> complete(ChatRequest request, UpstreamTarget target) {
        requireNonNull(request, "request");
        return Mono.just(new ChatResponse(RESPONSE_ID, new ResolvedModel(target.provider(), target.model()), text, "",
                List.of(), new ChatResponse.Outcome(FinishReason.STOP, USAGE)));
    }

    /** A view, so a call allocates one small object however long the answer is. */
    private final class Transcript extends AbstractList<ChatEvent> implements RandomAccess {

        private final ChatEvent.Started started;

        Transcript(ChatEvent.Started started) {
            this.started = started;
        }

        @Override
        public ChatEvent get(int index) {
            if (index == 0) {
                return started;
            }
            if (index <= deltas.size()) {
                return deltas.get(index - 1);
            }
            return switch (index - deltas.size()) {
                case 1 -> usage;
                case 2 -> finished;
                default -> throw new IndexOutOfBoundsException(index);
            };
        }

        @Override
        public int size() {
            return deltas.size() + 3;
        }
    }
}
