package dev.switchboard.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Edge cases of a whole chat.completion that the golden fixtures do not each cover. */
class OpenAiResponseDecoderTest {

    private final ToolIds ids = new ToolIds(OpenAiDialect.ToolIdRule.ALNUM_9);
    private final OpenAiResponseDecoder decoder = new OpenAiResponseDecoder("p", "target-model", ids,
            new OpenAiErrorMapper("p", OpenAiPresets.mistral(), "sk-secret"));

    private ChatResponse decode(String json) {
        return decoder.decode(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String completion(String message, String finish) {
        return "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"message\":" + message + ",\"finish_reason\":" + finish + "}]}";
    }

    @Test
    void reportsToolCallsWhenANamedToolChoiceEndsWithStop() {
        ChatResponse r = decode(completion("{\"content\":null,\"tool_calls\":[{\"id\":\"abcdefghi\",\"type\":\"function\","
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}", "\"stop\""));
        assertThat(r.outcome().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(r.text()).isEmpty();
    }

    @Test
    void mapsAHashedToolIdBackToTheCallersOriginal() {
        String wire = ids.toWire("call_9f3c2a71-4b8e-4f0e-a1d2-77c0e5b1a3f4");
        ChatResponse r = decode(completion("{\"tool_calls\":[{\"id\":\"" + wire + "\",\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{}\"}},{\"function\":{\"name\":\"g\",\"arguments\":\"\"}}]}", "\"tool_calls\""));
        assertThat(r.toolCalls()).containsExactly(
                new ContentPart.ToolCall("call_9f3c2a71-4b8e-4f0e-a1d2-77c0e5b1a3f4", "f", "{}"),
                new ContentPart.ToolCall("call_1", "g", ""));
    }

    @Test
    void keepsObjectArgumentsAsTheirJsonText() {
        ChatResponse r = decode(completion("{\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"f\","
                + "\"arguments\":{\"city\":\"Paris\",\"days\":[1,2]}}}]}", "\"tool_calls\""));
        assertThat(r.toolCalls()).extracting(ContentPart.ToolCall::argumentsJson)
                .containsExactly("{\"city\":\"Paris\",\"days\":[1,2]}");
    }

    @Test
    void readsOpenRouterReasoningAndFallsBackToTheTargetModel() {
        ChatResponse r = decode(completion("{\"content\":\"Hi\",\"reasoning\":\"think\"}", "\"model_length\""));
        assertThat(r.reasoning()).isEqualTo("think");
        assertThat(r.model()).isEqualTo(new ResolvedModel("p", "target-model"));
        assertThat(r.outcome()).isEqualTo(new ChatResponse.Outcome(FinishReason.LENGTH, null));
    }

    @Test
    void prefersReasoningContentAndTreatsAMissingFinishReasonAsStop() {
        ChatResponse r = decode("{\"model\":\"m\",\"choices\":[{\"index\":0,\"message\":{\"content\":\"Hi\","
                + "\"reasoning_content\":\"a\",\"reasoning\":\"b\"}}],\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,"
                + "\"total_tokens\":5,\"prompt_tokens_details\":{\"cached_tokens\":1}}}");
        assertThat(r.reasoning()).isEqualTo("a");
        assertThat(r.id()).startsWith("chatcmpl-");
        assertThat(r.outcome()).isEqualTo(new ChatResponse.Outcome(FinishReason.STOP, new TokenUsage(3, 2, 1, 0, 0)));
    }

    @Test
    void failsAsUnavailableWhenTheUpstreamFinishedWithError() {
        assertThatExceptionOfType(GatewayException.class)
                .isThrownBy(() -> decode(completion("{\"content\":\"partial\"}", "\"error\"")))
                .satisfies(e -> assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE));
    }

    @Test
    void failsByTheNumericCodeOfAnErrorBodyAnsweredWith200() {
        assertThatExceptionOfType(GatewayException.class)
                .isThrownBy(() -> decode("{\"error\":{\"code\":429,\"message\":\"slow down, try again in 2s\"}}"))
                .satisfies(e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
                    assertThat(e.upstreamStatus()).isEqualTo(200);
                    assertThat(e.getMessage()).startsWith("p: slow down");
                });
    }

    @Test
    void failsAsUnavailableOnAMalformedOrEmptyBody() {
        for (String body : new String[] {"", "{\"choices\":[]}", "{\"choices\":", "[1]"}) {
            assertThatExceptionOfType(GatewayException.class).as("body %s", body).isThrownBy(() -> decode(body))
                    .satisfies(e -> assertThat(e.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE))
                    .withMessageStartingWith("p: malformed chat completion");
        }
    }
}
