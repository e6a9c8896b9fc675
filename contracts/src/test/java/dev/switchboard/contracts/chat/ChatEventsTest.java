package dev.switchboard.contracts.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChatEventsTest {

    private static final ResolvedModel MODEL = new ResolvedModel("mock", "echo");

    @Test
    void collectsTextToolCallsAndUsageInOrder() {
        var response = ChatEvents.collect(List.of(
                new ChatEvent.Started("r1", MODEL),
                new ChatEvent.TextDelta("Hel"), new ChatEvent.TextDelta("lo"),
                new ChatEvent.ToolCallStarted(1, "call_b", "time"),
                new ChatEvent.ToolCallStarted(0, "call_a", "weather"),
                new ChatEvent.ToolCallArgumentsDelta(0, "{\"city\":"),
                new ChatEvent.ToolCallArgumentsDelta(1, "{}"),
                new ChatEvent.ToolCallArgumentsDelta(0, "\"Paris\"}"),
                new ChatEvent.UsageReported(TokenUsage.of(10, 5)),
                new ChatEvent.Finished(FinishReason.TOOL_CALLS)));

        assertThat(response.text()).isEqualTo("Hello");
        assertThat(response.toolCalls()).containsExactly(
                new ContentPart.ToolCall("call_a", "weather", "{\"city\":\"Paris\"}"),
                new ContentPart.ToolCall("call_b", "time", "{}"));
        assertThat(response.outcome().usage()).isEqualTo(TokenUsage.of(10, 5));
        assertThat(response.outcome().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void keepsReasoningSignaturesAndPartOrder() {
        var response = ChatEvents.collect(List.of(
                new ChatEvent.Started("r1", MODEL),
                new ChatEvent.ReasoningDelta("hmm"), new ChatEvent.ReasoningSignature("sig-a", "anthropic"),
                new ChatEvent.RedactedReasoning("opaque", "anthropic"),
                new ChatEvent.TextDelta("Calling."),
                new ChatEvent.ReasoningSignature("sig-g", "gemini"),
                new ChatEvent.ToolCallStarted(0, "call_a", "weather"),
                new ChatEvent.Finished(FinishReason.STOP, "END")));

        assertThat(response.content()).containsExactly(
                new ContentPart.Reasoning("hmm", "sig-a", "anthropic"),
                new ContentPart.RedactedReasoning("opaque", "anthropic"),
                new ContentPart.Text("Calling."),
                new ContentPart.Reasoning("", "sig-g", "gemini"),
                new ContentPart.ToolCall("call_a", "weather", ""));
        assertThat(response.reasoning()).isEqualTo("hmm");
        assertThat(response.outcome().stopSequence()).isEqualTo("END");
    }

    @Test
    void rejectsStreamWithoutFinish() {
        assertThatThrownBy(() -> ChatEvents.collect(List.of(new ChatEvent.Started("r1", MODEL))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Finished");
    }

    @Test
    void rejectsArgumentsForUnstartedCall() {
        assertThatThrownBy(() -> ChatEvents.collect(List.of(new ChatEvent.Started("r1", MODEL),
                new ChatEvent.ToolCallArgumentsDelta(3, "{}"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("tool call 3");
    }
}
