package dev.switchboard.router.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * One row of the translation matrix: what the caller asks, what the upstream answers, and what must hold on both
 * sides whatever the two protocols are. {@code claim} is the row's text in the generated document.
 */
record Feature(String name, String claim, Spec spec, Reply reply, boolean streamOnly, Check check) {

    Feature(String name, String claim, Spec spec, Reply reply, Check check) {
        this(name, claim, spec, reply, false, check);
    }

    @FunctionalInterface
    interface Check {
        void verify(UpstreamView upstream, ClientView client);
    }

    private static final String PARIS = "get_weather {\"city\":\"Paris\"}";

    static List<Feature> all() {
        return List.of(
                new Feature("text", "user text reaches the upstream; the answer's text comes back",
                        Spec.ask("Hello there"), Reply.text("Hi, how can I help?"), (up, client) -> {
                            assertThat(up.turns()).extracting(UpstreamView.Turn::text).containsExactly("Hello there");
                            assertThat(client.text()).isEqualTo("Hi, how can I help?");
                            assertThat(client.finish()).isEqualTo("stop");
                        }),
                new Feature("system", "the system prompt lands in the upstream's system slot, not in a turn",
                        Spec.ask("Hi").withSystem("Be terse."), Reply.text("Hi."), (up, client) -> {
                            assertThat(up.system()).isEqualTo("Be terse.");
                            assertThat(up.turns()).extracting(UpstreamView.Turn::role).containsExactly("user");
                        }),
                new Feature("multi-turn", "earlier turns keep their roles and order",
                        Spec.ask("").withTurns(new Spec.Turn.User("My name is Ada.", false),
                                new Spec.Turn.Assistant("Hello Ada."), new Spec.Turn.User("What is my name?", false)),
                        Reply.text("Ada."), (up, client) -> {
                            assertThat(up.turns()).extracting(t -> t.role() + ":" + t.text()).containsExactly(
                                    "user:My name is Ada.", "assistant:Hello Ada.", "user:What is my name?");
                            assertThat(client.text()).isEqualTo("Ada.");
                        }),
                new Feature("tools", "tool definitions reach the upstream; a call comes back with its arguments",
                        Spec.ask("Weather in Paris?").withTools(),
                        Reply.calls(new Reply.Call("call_1", "get_weather", "{\"city\":\"Paris\"}")), (up, client) -> {
                            assertThat(up.tools()).containsExactly("get_weather");
                            assertThat(client.calls()).containsExactly(PARIS);
                            assertThat(client.finish()).isEqualTo("tool_calls");
                        }),
                new Feature("parallel tools", "several calls in one answer come back as separate calls, in order",
                        Spec.ask("Weather in Paris and Rome?").withTools(),
                        Reply.calls(new Reply.Call("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                                new Reply.Call("call_2", "get_weather", "{\"city\":\"Rome\"}")), (up, client) -> {
                            assertThat(client.calls()).containsExactly(PARIS, "get_weather {\"city\":\"Rome\"}");
                            assertThat(client.finish()).isEqualTo("tool_calls");
                        }),
                new Feature("streaming tools", "argument fragments of streamed calls are re-framed as they arrive",
                        Spec.ask("Weather in Paris?").withTools(),
                        Reply.calls(new Reply.Call("call_1", "get_weather", "{\"city\":\"Paris\"}")), true,
                        (up, client) -> {
                            assertThat(up.stream()).isTrue();
                            assertThat(client.calls()).containsExactly(PARIS);
                        }),
                new Feature("tool results", "an earlier call and its result reach the upstream in its own shape",
                        Spec.ask("").withTools().withTurns(new Spec.Turn.User("Weather in Paris?", false),
                                new Spec.Turn.AssistantCall("call_1", "get_weather", "{\"city\":\"Paris\"}"),
                                new Spec.Turn.ToolResult("call_1", "18C and sunny")),
                        Reply.text("It is 18C and sunny."), (up, client) -> {
                            assertThat(up.turns()).extracting(UpstreamView.Turn::role).containsExactly("user", "assistant", "tool");
                            assertThat(up.turns().get(1).calls()).containsExactly(PARIS);
                            assertThat(up.turns().get(2).result()).isEqualTo("18C and sunny");
                            assertThat(client.text()).isEqualTo("It is 18C and sunny.");
                        }),
                new Feature("images", "an inline image reaches the upstream as an image part",
                        Spec.ask("").withTurns(new Spec.Turn.User("What is in this picture?", true)),
                        Reply.text("A pixel."), (up, client) -> {
                            assertThat(up.turns().getFirst().images()).isEqualTo(1);
                            assertThat(up.turns().getFirst().text()).isEqualTo("What is in this picture?");
                        }),
                new Feature("JSON schema", "a JSON schema output format reaches the upstream's structured-output field",
                        Spec.ask("Answer in JSON").withJsonSchema(), Reply.text("{\"answer\":\"yes\"}"), (up, client) -> {
                            assertThat(up.jsonSchema()).isTrue();
                            assertThat(client.text()).isEqualTo("{\"answer\":\"yes\"}");
                        }),
                new Feature("thinking", "a reasoning request reaches the upstream; its reasoning comes back as reasoning",
                        Spec.ask("Think first").withThinking(), Reply.text("42").withReasoning("Let me think.", 7),
                        (up, client) -> {
                            assertThat(up.thinking()).isTrue();
                            assertThat(client.reasoning()).isEqualTo("Let me think.");
                            assertThat(client.text()).isEqualTo("42");
                        }),
                new Feature("usage", "input and output token counts come back in the caller's convention",
                        Spec.ask("Count"), Reply.text("Done").withUsage(120, 30, 0), (up, client) -> {
                            assertThat(client.input()).isEqualTo(120);
                            assertThat(client.output()).isEqualTo(30);
                        }),
                new Feature("cached tokens", "cached input tokens are reported once, never double counted",
                        Spec.ask("Again"), Reply.text("Done").withUsage(1000, 10, 800), (up, client) -> {
                            assertThat(client.input()).isEqualTo(1000);
                            assertThat(client.cached()).isEqualTo(800);
                        }),
                new Feature("stop reasons", "a length stop comes back as the caller's length stop",
                        Spec.ask("Go on"), Reply.text("and on").withFinish(Reply.Finish.LENGTH), (up, client) ->
                        assertThat(client.finish()).isEqualTo("length")),
                new Feature("errors", "an upstream rate limit is a 429 in the caller's envelope with retry-after",
                        Spec.ask("x"), Reply.rateLimited(), (up, client) -> {
                            assertThat(client.status()).isEqualTo(429);
                            assertThat(client.errorType()).isEqualTo("rate_limit_error");
                            assertThat(client.retryAfter()).isEqualTo("7");
                        }));
    }
}
