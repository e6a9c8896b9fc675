package dev.switchboard.router.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.error.ErrorFormat;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEventJson;
import dev.switchboard.contracts.policy.RequestLogPolicy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SignalType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CompletionBodiesTest {

    private static Completion completion(RequestLogPolicy requestLog) {
        return new Completion("r1", 0, new CompletionEvent.Caller("app", "support", null), Map.of(),
                new CompletionEvent.RequestInfo("openai", "echo", true), ErrorFormat.OPENAI, () -> 1_000_000L,
                requestLog);
    }

    private static CompletionEvent ended(Completion c) {
        c.end(SignalType.ON_COMPLETE, 200, true, Instant.parse("2031-01-01T00:00:00Z"));
        return CompletionResults.event(c);
    }

    @Test
    void withoutTheTeamFlagNothingIsKept() {
        var c = completion(RequestLogPolicy.NONE);
        c.keepRequestBody("{}".getBytes(StandardCharsets.UTF_8));
        c.keepResponseBody("{}".getBytes(StandardCharsets.UTF_8));
        c.track(Flux.just(new ChatEvent.TextDelta("hi"))).blockLast();

        assertThat(ended(c).bodies()).isNull();
    }

    @Test
    void aStreamIsKeptAsItsTextToolCallsAndFinish() {
        var c = completion(RequestLogPolicy.bodiesFor(3));
        c.keepRequestBody("{\"stream\":true}".getBytes(StandardCharsets.UTF_8));
        c.track(Flux.just(new ChatEvent.Started("resp", new ResolvedModel("mock", "echo")),
                new ChatEvent.TextDelta("Let me "), new ChatEvent.TextDelta("check."),
                new ChatEvent.ToolCallStarted(0, "call_1", "weather"),
                new ChatEvent.ToolCallArgumentsDelta(0, "{\"city\":"), new ChatEvent.ToolCallArgumentsDelta(0, "\"Oslo\"}"),
                new ChatEvent.Finished(FinishReason.TOOL_CALLS, null))).blockLast();

        CompletionEvent.Bodies bodies = ended(c).bodies();

        assertThat(bodies.request()).isEqualTo("{\"stream\":true}");
        assertThat(bodies.retentionDays()).isEqualTo(3);
        JsonNode answer = JsonMapper.builder().build().readTree(bodies.response());
        assertThat(answer.path("text").asString()).isEqualTo("Let me check.");
        assertThat(answer.at("/toolCalls/0/id").asString()).isEqualTo("call_1");
        assertThat(answer.at("/toolCalls/0/name").asString()).isEqualTo("weather");
        assertThat(answer.at("/toolCalls/0/arguments").asString()).isEqualTo("{\"city\":\"Oslo\"}");
        assertThat(answer.path("finishReason").asString()).isEqualTo("TOOL_CALLS");
    }

    @Test
    void bodiesThatWouldMakeTheEventTooLargeForKafkaAreCutHarder() {
        var c = completion(RequestLogPolicy.bodiesFor(30));
        byte[] quotes = "\"".repeat(CompletionEvent.Bodies.MAX_BYTES).getBytes(StandardCharsets.UTF_8);
        c.keepRequestBody(quotes);
        c.keepResponseBody(quotes);

        CompletionEvent event = ended(c);

        assertThat(CompletionEventJson.write(event).length).isLessThanOrEqualTo(CompletionResults.MAX_EVENT_BYTES);
        assertThat(event.bodies().truncated()).isTrue();
        assertThat(event.bodies().request()).hasSize(CompletionResults.SMALL_BODY_BYTES);
    }
}
