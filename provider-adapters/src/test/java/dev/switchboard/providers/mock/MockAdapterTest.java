package dev.switchboard.providers.mock;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatEvents;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.ContentPart;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.ResponseFormat;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.Sampling;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.chat.ToolChoice;
import dev.switchboard.contracts.chat.ToolSpec;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.UpstreamTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.test.StepVerifier;

class MockAdapterTest {

    private static final String CITY = "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}";
    private static final ToolSpec WEATHER = new ToolSpec("get_weather", null, CITY, false);
    private static final ToolSpec TIME = new ToolSpec("get_time", null, null, false);

    private final MockAdapter adapter = new MockAdapter();

    private static UpstreamTarget target(String model, Map<String, String> settings) {
        return new UpstreamTarget("mock", model, null, null, settings, Duration.ofSeconds(5));
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of("alias", List.of(Message.of(Role.SYSTEM, "sys"), Message.of(Role.USER, text)));
    }

    private static ChatRequest withTools(ChatRequest r, ToolChoice choice, boolean parallel, ToolSpec... tools) {
        return new ChatRequest(r.model(), r.messages(), List.of(tools), r.sampling(),
                new ChatRequest.Options(choice, parallel, ResponseFormat.TEXT));
    }

    private List<ChatEvent> run(ChatRequest request, String model, Map<String, String> settings) {
        return adapter.stream(request, target(model, settings)).collectList().block(Duration.ofSeconds(5));
    }

    private ChatResponse collect(ChatRequest request, String model) {
        return ChatEvents.collect(run(request, model, Map.of()));
    }

    @Test
    void echoesTheLastUserMessageInChunks() {
        List<ChatEvent> events = run(ask("Hello, mock world"), "echo", Map.of("chunk-size", "6"));
        assertThat(events.getFirst()).isInstanceOfSatisfying(ChatEvent.Started.class,
                s -> assertThat(s.model()).isEqualTo(new ResolvedModel("mock", "echo")));
        assertThat(events.subList(1, 4)).containsExactly(new ChatEvent.TextDelta("Hello,"),
                new ChatEvent.TextDelta(" mock "), new ChatEvent.TextDelta("world"));
        // input: "sys" + "Hello, mock world" = 20 chars → 5; output: 17 chars → 5 (rounded up)
        assertThat(events.subList(4, 6)).containsExactly(new ChatEvent.UsageReported(TokenUsage.of(5, 5)),
                new ChatEvent.Finished(FinishReason.STOP));
    }

    @Test
    void answersEmptyTextWithAPlaceholderAndTreatsUnknownModelsAsEcho() {
        assertThat(collect(ask(""), "echo").text()).isEqualTo("(empty)");
        assertThat(collect(ask("same"), "anything-else").text()).isEqualTo("same");
    }

    @Test
    void loremIsDeterministicAndCappedByMaxOutputTokens() {
        String first = collect(ask("x"), "lorem").text();
        assertThat(first.split(" ")).hasSize(24).startsWith("lorem", "ipsum", "dolor");
        assertThat(collect(ask("y"), "lorem").text()).isEqualTo(first);
        assertThat(ChatEvents.collect(run(ask("x"), "lorem", Map.of("words", "50"))).text().split(" ")).hasSize(50);
        ChatRequest capped = new ChatRequest("a", ask("x").messages(), List.of(),
                Sampling.DEFAULT.withMaxOutputTokens(5), ChatRequest.Options.DEFAULT);
        assertThat(collect(capped, "lorem").text()).isEqualTo("lorem ipsum dolor sit amet");
    }

    @Test
    void callsTheFirstToolWithRequiredPropertiesFilledFromTheUserText() {
        ChatResponse response = collect(withTools(ask("Paris"), ToolChoice.AUTO, false, WEATHER, TIME), "echo");
        assertThat(response.toolCalls()).containsExactly(new ContentPart.ToolCall("call_mock_1", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(response.outcome().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    }

    @Test
    void callsEveryToolWhenParallelCallsAreAllowed() {
        ChatResponse response = collect(withTools(ask("Paris"), ToolChoice.REQUIRED, true, WEATHER, TIME), "echo");
        assertThat(response.toolCalls()).containsExactly(
                new ContentPart.ToolCall("call_mock_1", "get_weather", "{\"city\":\"Paris\"}"),
                new ContentPart.ToolCall("call_mock_2", "get_time", "{}"));
    }

    @Test
    void callsTheNamedToolOnly() {
        ChatResponse response = collect(withTools(ask("Paris"), new ToolChoice.Named("get_time"), true, WEATHER, TIME), "echo");
        assertThat(response.toolCalls()).extracting(ContentPart.ToolCall::name).containsExactly("get_time");
    }

    @Test
    void answersWithTextWhenToolChoiceIsNone() {
        assertThat(collect(withTools(ask("Paris"), ToolChoice.NONE, true, WEATHER), "echo").text()).isEqualTo("Paris");
    }

    @Test
    void summarisesToolResultsAfterAToolTurn() {
        List<Message> messages = List.of(Message.of(Role.USER, "Paris"),
                new Message(Role.ASSISTANT, List.of(new ContentPart.ToolCall("call_mock_1", "get_weather", "{}"),
                        new ContentPart.ToolCall("call_mock_2", "get_time", "{}")), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("call_mock_1", "18C", false)), null),
                new Message(Role.TOOL, List.of(new ContentPart.ToolResult("call_mock_2", "10:00", false)), null));
        ChatRequest request = withTools(ChatRequest.of("a", messages), ToolChoice.AUTO, true, WEATHER, TIME);
        ChatResponse response = collect(request, "echo");
        assertThat(response.text()).isEqualTo("Tool results: 18C; 10:00");
        assertThat(response.toolCalls()).isEmpty();
    }

    @Test
    void answersJsonSchemaRequestsWithAnObjectOfTheRequiredProperties() {
        ChatRequest request = new ChatRequest("a", ask("Ada").messages(), List.of(), Sampling.DEFAULT,
                new ChatRequest.Options(ToolChoice.AUTO, true, new ResponseFormat.JsonSchema("person",
                        "{\"type\":\"object\",\"required\":[\"name\",\"nick\"]}", true)));
        assertThat(collect(request, "echo").text()).isEqualTo("{\"name\":\"Ada\",\"nick\":\"Ada\"}");
    }

    @ParameterizedTest
    @CsvSource({"error-429,RATE_LIMITED", "error-503,UPSTREAM_UNAVAILABLE", "error-401,UPSTREAM_AUTH_FAILED",
            "error-400,INVALID_REQUEST", "error-504,UPSTREAM_TIMEOUT"})
    void failsBeforeTheFirstEventForErrorModels(String model, ErrorCategory category) {
        StepVerifier.create(adapter.stream(ask("x"), target(model, Map.of())))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(GatewayException.class, g -> {
                    assertThat(g.category()).isEqualTo(category);
                    assertThat(g.retryAfter()).isEqualTo(model.equals("error-429") ? Duration.ofSeconds(1) : null);
                    assertThat(g.provider()).isEqualTo("mock");
                }))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void failsMidStreamAfterTheRequestedNumberOfDeltas() {
        StepVerifier.create(adapter.stream(ask("[mock:fail-after=2] and more text here"), target("echo", Map.of())))
                .expectNextMatches(ChatEvent.Started.class::isInstance)
                .expectNext(new ChatEvent.TextDelta("[mock:fa"), new ChatEvent.TextDelta("il-after"))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(GatewayException.class,
                        g -> assertThat(g.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE)))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void appliesLatencyAndChunkDelayOnVirtualTime() {
        StepVerifier.withVirtualTime(() -> adapter.stream(ask("abcdefgh12"),
                        target("echo", Map.of("latency-ms", "500", "chunk-delay-ms", "100"))))
                .expectSubscription()
                .expectNoEvent(Duration.ofMillis(499))
                .thenAwait(Duration.ofMillis(1))
                .expectNextMatches(ChatEvent.Started.class::isInstance)
                .expectNoEvent(Duration.ofMillis(99))
                .thenAwait(Duration.ofMillis(1))
                .expectNext(new ChatEvent.TextDelta("abcdefgh"))
                .thenAwait(Duration.ofMillis(100))
                .expectNext(new ChatEvent.TextDelta("12"))
                .expectNextCount(2)
                .verifyComplete();
    }

    @Test
    void givesEachResponseItsOwnId() {
        var first = (ChatEvent.Started) run(ask("a"), "echo", Map.of()).getFirst();
        var second = (ChatEvent.Started) run(ask("a"), "echo", Map.of()).getFirst();
        assertThat(first.responseId()).startsWith("mock-").isNotEqualTo(second.responseId());
    }

    @Test
    void answersAWholeCompletionAsItsOwnStreamCollected() {
        ChatRequest request = withTools(ask("Paris"), ToolChoice.REQUIRED, true, WEATHER, TIME);
        ChatResponse whole = adapter.complete(request, target("echo", Map.of())).block(Duration.ofSeconds(5));
        ChatResponse streamed = collect(request, "echo");
        assertThat(whole).usingRecursiveComparison().ignoringFields("id").isEqualTo(streamed);
        assertThat(whole.toolCalls()).hasSize(2);
        assertThat(whole.outcome().finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
        assertThat(whole.id()).startsWith("mock-").isNotEqualTo(streamed.id());
    }

    @Test
    void failsAWholeCompletionLikeItsStream() {
        StepVerifier.create(adapter.complete(ask("x"), target("error-429", Map.of())))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(GatewayException.class, g -> {
                    assertThat(g.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
                    assertThat(g.retryAfter()).isEqualTo(Duration.ofSeconds(1));
                }))
                .verify(Duration.ofSeconds(5));
    }
}
