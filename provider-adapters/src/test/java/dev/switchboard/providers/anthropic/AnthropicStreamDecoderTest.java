package dev.switchboard.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.sse.SseEvent;
import org.junit.jupiter.api.Test;

class AnthropicStreamDecoderTest {

    private final AnthropicStreamDecoder decoder = new AnthropicStreamDecoder("anthropic",
            new AnthropicErrorMapper("anthropic", null));

    @Test
    void ignoresEventTypesAndDeltasItDoesNotKnow() {
        start();

        assertThat(decoder.onEvent(new SseEvent("future_event", "{\"type\":\"future_event\",\"x\":1}"))).isEmpty();
        assertThat(decoder.onEvent(new SseEvent("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\",\"citation\":{}}}")))
                .isEmpty();
    }

    @Test
    void failsOnContentBeforeMessageStart() {
        assertThatThrownBy(() -> decoder.onEvent(new SseEvent("content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"x\"}}")))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE))
                .hasMessageContaining("before message_start");
    }

    @Test
    void ignoresEverythingAfterMessageStop() {
        start();
        assertThat(decoder.onEvent(new SseEvent("message_stop", "{\"type\":\"message_stop\"}")))
                .last().isEqualTo(new ChatEvent.Finished(FinishReason.STOP));

        assertThat(decoder.onEvent(new SseEvent("error", "{\"type\":\"error\",\"error\":{\"type\":\"api_error\"}}"))).isEmpty();
        assertThat(decoder.onEnd()).isEmpty();
    }

    private void start() {
        decoder.onEvent(new SseEvent("message_start", """
                {"type":"message_start","message":{"id":"msg_1","model":"claude-x","usage":{"input_tokens":3,"output_tokens":1}}}"""));
    }
}
