package dev.switchboard.providers.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class SseParserTest {

    private static List<SseEvent> parseInPieces(String stream, int pieceSize) {
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        var parser = new SseParser();
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < bytes.length; i += pieceSize) {
            byte[] piece = java.util.Arrays.copyOfRange(bytes, i, Math.min(bytes.length, i + pieceSize));
            events.addAll(parser.feed(piece));
        }
        events.addAll(parser.finish());
        return events;
    }

    @Test
    void yieldsTheSameEventsWhateverTheChunkBoundaries() {
        String stream = "data: {\"a\":1}\n\nevent: ping\ndata: x\n\ndata: [DONE]\n\n";
        List<SseEvent> expected = List.of(new SseEvent("message", "{\"a\":1}"), new SseEvent("ping", "x"),
                new SseEvent("message", "[DONE]"));
        for (int size = 1; size <= stream.length(); size++) {
            assertThat(parseInPieces(stream, size)).as("piece size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void acceptsCrlfAndBareCrLineEnds() {
        assertThat(parseInPieces("data: a\r\n\r\ndata: b\r\rdata: c\n\n", 1))
                .extracting(SseEvent::data).containsExactly("a", "b", "c");
    }

    @Test
    void skipsCommentLinesSuchAsOpenRouterKeepAlives() {
        assertThat(parseInPieces(": OPENROUTER PROCESSING\n\n:\ndata: hi\n\n", 3))
                .containsExactly(new SseEvent("message", "hi"));
    }

    @Test
    void joinsMultiLineDataWithNewlines() {
        assertThat(parseInPieces("data: one\ndata:two\ndata\n\n", 4))
                .containsExactly(new SseEvent("message", "one\ntwo\n"));
    }

    @Test
    void decodesUtf8CharactersSplitAcrossChunks() {
        String text = "data: été 😀 ünïcödé\n\n";
        for (int size = 1; size <= 5; size++) {
            assertThat(parseInPieces(text, size)).extracting(SseEvent::data).containsExactly("été 😀 ünïcödé");
        }
    }

    @Test
    void remembersTheLastEventId() {
        var parser = new SseParser();
        parser.feed("id: 42\ndata: x\n\n".getBytes(StandardCharsets.UTF_8));
        assertThat(parser.lastEventId()).isEqualTo("42");
    }

    @Test
    void dropsAnUnterminatedLineAtTheEndButKeepsCompleteDataLines() {
        assertThat(parseInPieces("data: complete\ndata: cut-in-the-mid", 7))
                .containsExactly(new SseEvent("message", "complete"));
        assertThat(parseInPieces("event: only\n\n", 2)).isEmpty();
    }

    @Test
    void streamsEventsFromByteChunks() {
        Flux<byte[]> bytes = Flux.just("da", "ta: a\n", "\ndata: b\n\n").map(s -> s.getBytes(StandardCharsets.UTF_8));
        StepVerifier.create(SseStreams.events(bytes))
                .expectNext(new SseEvent("message", "a"), new SseEvent("message", "b"))
                .verifyComplete();
    }
}
