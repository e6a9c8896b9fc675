package dev.switchboard.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.sse.SseEvent;
import org.junit.jupiter.api.Test;

class GeminiStreamDecoderTest {

    private final GeminiStreamDecoder decoder =
            new GeminiStreamDecoder("gem", "gemini-2.5-flash", new GeminiErrorMapper("gem", null));

    private static SseEvent data(String json) {
        return new SseEvent("message", json);
    }

    @Test
    void failsOnAnErrorObjectInsideTheStream() {
        decoder.onEvent(data("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}"));
        assertThatThrownBy(() -> decoder.onEvent(data("{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\",\"message\":\"x\"}}")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED));
    }

    @Test
    void failsOnAMalformedChunkAsUnavailable() {
        assertThatThrownBy(() -> decoder.onEvent(data("{\"candidates\":")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE))
                .hasMessageStartingWith("gem: malformed stream chunk");
    }

    @Test
    void mintsDistinctIdsPerCallAndStartsWithTheTargetModelWhenTheChunkNamesNone() {
        var events = decoder.onEvent(data("""
                {"candidates":[{"content":{"parts":[{"functionCall":{"name":"f"}},{"functionCall":{"name":"g","args":{}}}]},
                  "finishReason":"MALFORMED_FUNCTION_CALL"}],"responseId":"r/1"}"""));
        assertThat(events).containsExactly(
                new ChatEvent.Started("r/1", new ResolvedModel("gem", "gemini-2.5-flash")),
                new ChatEvent.ToolCallStarted(0, "call_gm_r1_0", "f"), new ChatEvent.ToolCallArgumentsDelta(0, "{}"),
                new ChatEvent.ToolCallStarted(1, "call_gm_r1_1", "g"), new ChatEvent.ToolCallArgumentsDelta(1, "{}"));
        assertThat(decoder.onEnd()).containsExactly(new ChatEvent.Finished(FinishReason.STOP));
    }

    @Test
    void failsAStreamThatEndsWithoutAnyChunk() {
        assertThatThrownBy(decoder::onEnd).isInstanceOfSatisfying(GatewayException.class,
                e -> assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE));
    }
}
