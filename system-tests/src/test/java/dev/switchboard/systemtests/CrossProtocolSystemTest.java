package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.OverloadedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolUseBlock;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.RateLimitException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each official SDK served by the other protocol's upstream: the Anthropic SDK by an OpenAI-protocol provider, the
 * OpenAI SDK by Anthropic. The fakes speak each provider's exact wire format; the SDKs never see the upstream's.
 */
class CrossProtocolSystemTest {

    @RegisterExtension
    static final FakeUpstream openai = new FakeUpstream();

    @RegisterExtension
    static final FakeUpstream anthropic = new FakeUpstream();

    static RunningSwitchboard switchboard;
    static AnthropicClient anthropicSdk;
    static OpenAIClient openAiSdk;

    @BeforeAll
    static void start() {
        switchboard = RunningSwitchboard.start("""
                providers:
                  openai: { kind: openai, base-url: %s/v1, api-key: env:OPENAI_API_KEY }
                  anthropic: { kind: anthropic, base-url: %s, api-key: env:ANTHROPIC_API_KEY }
                models:
                  gpt-4o: openai/gpt-4o-2024-08-06
                  claude: anthropic/claude-sonnet-4-5
                """.formatted(openai.baseUrl(), anthropic.baseUrl()),
                Map.of("OPENAI_API_KEY", "sk-openai-upstream", "ANTHROPIC_API_KEY", "sk-ant-upstream"));
        anthropicSdk = AnthropicOkHttpClient.builder().baseUrl(switchboard.baseUrl())
                .apiKey(RunningSwitchboard.ADMIN_KEY).maxRetries(0).build();
        openAiSdk = OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1")
                .apiKey(RunningSwitchboard.ADMIN_KEY).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        switchboard.close();
    }

    private static RawResponse sse(String body) {
        return RawResponse.parse(("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
    }

    // ---- Anthropic SDK → OpenAI-protocol upstream

    @Test
    void anthropicSdkServedByAnOpenAiUpstream() {
        openai.respond(RawResponse.json(200, """
                {"id":"chatcmpl-9","object":"chat.completion","created":1,"model":"gpt-4o-2024-08-06",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Bonjour"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":20,"completion_tokens":2,"total_tokens":22,
                          "prompt_tokens_details":{"cached_tokens":16}}}
                """));
        Message message = anthropicSdk.messages().create(MessageCreateParams.builder().model("gpt-4o").maxTokens(100)
                .system("Answer in French.").addUserMessage("Hello").build());

        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("Bonjour");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().inputTokens()).as("uncached input, Anthropic's convention").isEqualTo(4);
        assertThat(message.usage().cacheReadInputTokens()).contains(16L);
        String upstream = openai.lastRequest().body();
        assertThat(upstream).contains("\"role\":\"system\"").contains("Answer in French.")
                .contains("\"model\":\"gpt-4o-2024-08-06\"").contains("\"max_completion_tokens\":100");
        assertThat(openai.lastRequest().header("authorization")).isEqualTo("Bearer sk-openai-upstream");
    }

    @Test
    void anthropicSdkStreamsToolUseFromAnOpenAiUpstream() {
        openai.respond(sse("""
                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"role":"assistant","content":"Checking."},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_abc","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":"}}]},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"\\"Paris\\"}"}}]},"finish_reason":null}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

                data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"gpt-4o","choices":[],"usage":{"prompt_tokens":50,"completion_tokens":9,"total_tokens":59}}

                data: [DONE]

                """)).rechunked(5);
        var accumulator = MessageAccumulator.create();
        MessageCreateParams params = MessageCreateParams.builder().model("gpt-4o").maxTokens(100)
                .addTool(Tool.builder().name("get_weather").inputSchema(Tool.InputSchema.builder()
                        .properties(Tool.InputSchema.Properties.builder()
                                .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string"))).build())
                        .build()).build())
                .addUserMessage("Weather in Paris?").build();
        try (StreamResponse<RawMessageStreamEvent> stream = anthropicSdk.messages().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        Message message = accumulator.message();

        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("Checking.");
        ToolUseBlock call = message.content().get(1).toolUse().orElseThrow();
        assertThat(call.id()).isEqualTo("call_abc");
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call._input().toString()).contains("Paris");
        assertThat(message.stopReason()).contains(StopReason.TOOL_USE);
        assertThat(message.usage().outputTokens()).isEqualTo(9);
        assertThat(openai.lastRequest().body()).contains("\"stream\":true").contains("\"include_usage\":true")
                .contains("\"parameters\":{");
    }

    @Test
    void anOpenAiUpstreamOutageReachesTheAnthropicSdkAsOverloaded() {
        String overloaded = "{\"error\":{\"message\":\"The server is overloaded\",\"type\":\"server_error\"}}";
        openai.respondWithStatus(503, overloaded).respondWithStatus(503, overloaded);   // the first try and its retry
        assertThatThrownBy(() -> anthropicSdk.messages().create(MessageCreateParams.builder().model("gpt-4o")
                .maxTokens(10).addUserMessage("x").build())).isInstanceOf(OverloadedException.class);
    }

    // ---- OpenAI SDK → Anthropic upstream

    @Test
    void openAiSdkServedByAnAnthropicUpstream() {
        anthropic.respond(RawResponse.json(200, """
                {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":"Hi there"}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":5,"cache_read_input_tokens":10,"cache_creation_input_tokens":3,"output_tokens":4}}
                """));
        ChatCompletion completion = openAiSdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("claude").addSystemMessage("Be nice.").addUserMessage("Hello").build());

        assertThat(completion.choices().getFirst().message().content()).hasValue("Hi there");
        assertThat(completion.choices().getFirst().finishReason()).hasToString("stop");
        var usage = completion.usage().orElseThrow();
        assertThat(usage.promptTokens()).as("input + cache reads + cache writes").isEqualTo(18);
        assertThat(usage.promptTokensDetails().orElseThrow().cachedTokens()).contains(10L);
        assertThat(usage.completionTokens()).isEqualTo(4);
        var upstream = anthropic.lastRequest();
        assertThat(upstream.target()).isEqualTo("/v1/messages");
        assertThat(upstream.header("x-api-key")).isEqualTo("sk-ant-upstream");
        assertThat(upstream.body()).contains("\"system\":").contains("Be nice.").contains("\"max_tokens\":");
    }

    @Test
    void openAiSdkStreamsToolCallsFromAnAnthropicUpstream() {
        anthropic.respond(sse("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_02","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":40,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me look."}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: content_block_start
                data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_01A","name":"get_weather","input":{}}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": \\"Pa"}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"ris\\"}"}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":1}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":22}}

                event: message_stop
                data: {"type":"message_stop"}

                """)).rechunked(11);
        var text = new StringBuilder();
        var arguments = new StringBuilder();
        var toolIndex = new AtomicLong(-1);
        var finish = new StringBuilder();
        var usage = new AtomicLong();
        var params = ChatCompletionCreateParams.builder().model("claude").addUserMessage("Weather in Paris?")
                .addTool(ChatCompletionFunctionTool.builder().function(FunctionDefinition.builder().name("get_weather")
                        .parameters(FunctionParameters.builder().putAdditionalProperty("type", com.openai.core.JsonValue.from("object"))
                                .build()).build()).build())
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        try (var stream = openAiSdk.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunk.usage().ifPresent(u -> usage.set(u.completionTokens()));
                chunk.choices().forEach(c -> {
                    c.delta().content().ifPresent(text::append);
                    c.delta().toolCalls().ifPresent(calls -> calls.forEach(call -> {
                        toolIndex.set(call.index());
                        call.function().flatMap(f -> f.arguments()).ifPresent(arguments::append);
                    }));
                    c.finishReason().ifPresent(f -> finish.append(f));
                });
            });
        }
        assertThat(text).hasToString("Let me look.");
        assertThat(toolIndex).as("the first tool call is index 0 even after a text block").hasValue(0);
        assertThat(arguments).hasToString("{\"city\": \"Paris\"}");
        assertThat(finish).hasToString("tool_calls");
        assertThat(usage).hasValue(22);
        assertThat(anthropic.lastRequest().body()).contains("\"stream\":true").contains("\"input_schema\":");
    }

    @Test
    void aClaudeCodeStyleCallPassesOnlySafeBetasToAnthropic() throws Exception {
        anthropic.respond(RawResponse.json(200, """
                {"id":"msg_03","type":"message","role":"assistant","model":"claude-sonnet-4-5",
                 "content":[{"type":"text","text":"ok"}],"stop_reason":"end_turn","stop_sequence":null,
                 "usage":{"input_tokens":3,"output_tokens":1}}
                """));
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(switchboard.baseUrl() + "/v1/messages?beta=true"))
                .header("x-api-key", RunningSwitchboard.ADMIN_KEY)
                .header("anthropic-version", "2023-06-01")
                .header("anthropic-beta", "claude-code-20250219,oauth-2025-04-20,interleaved-thinking-2025-05-14,"
                        + "fine-grained-tool-streaming-2025-05-14")
                .header("content-type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"model":"claude","max_tokens":32,"messages":[{"role":"user","content":"hi"}],
                         "system":[{"type":"text","text":"You are Claude Code.","cache_control":{"type":"ephemeral"}}]}
                        """)).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"text\":\"ok\"");
        var upstream = anthropic.lastRequest();
        assertThat(upstream.header("anthropic-beta"))
                .isEqualTo("interleaved-thinking-2025-05-14,fine-grained-tool-streaming-2025-05-14");
        assertThat(upstream.header("x-api-key")).isEqualTo("sk-ant-upstream");
        assertThat(upstream.body()).as("prompt caching survives the trip").contains("\"cache_control\":{\"type\":\"ephemeral\"}");
    }

    @Test
    void anAnthropicRateLimitReachesTheOpenAiSdkAs429() {
        anthropic.respond(RawResponse.parse(("HTTP/1.1 429 Too Many Requests\r\ncontent-type: application/json\r\n"
                + "retry-after: 3\r\n\r\n{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")
                .getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> openAiSdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("claude").addUserMessage("x").build()))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.headers().values("retry-after")).containsExactly("3"));
    }
}
