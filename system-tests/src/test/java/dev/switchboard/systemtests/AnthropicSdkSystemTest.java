package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.AnthropicClient;
import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.core.JsonValue;
import com.anthropic.core.http.StreamResponse;
import com.anthropic.errors.BadRequestException;
import com.anthropic.errors.NotFoundException;
import com.anthropic.errors.OverloadedException;
import com.anthropic.errors.PermissionDeniedException;
import com.anthropic.errors.RateLimitException;
import com.anthropic.errors.UnauthorizedException;
import com.anthropic.helpers.MessageAccumulator;
import com.anthropic.models.messages.ContentBlockParam;
import com.anthropic.models.messages.Message;
import com.anthropic.models.messages.MessageCountTokensParams;
import com.anthropic.models.messages.MessageCreateParams;
import com.anthropic.models.messages.RawMessageStreamEvent;
import com.anthropic.models.messages.StopReason;
import com.anthropic.models.messages.SystemMessageParam;
import com.anthropic.models.messages.Tool;
import com.anthropic.models.messages.ToolChoice;
import com.anthropic.models.messages.ToolChoiceTool;
import com.anthropic.models.messages.ToolResultBlockParam;
import com.anthropic.models.messages.ToolUseBlock;
import com.anthropic.models.messages.UserMessageParam;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official anthropic-java SDK against the all-in-one's {@code /v1/messages}, served by the built-in mock. */
class AnthropicSdkSystemTest {

    static RunningSwitchboard switchboard;
    static AnthropicClient admin;

    @BeforeAll
    static void start() {
        switchboard = RunningSwitchboard.start("""
                providers:
                  mock: { kind: mock }
                models:
                  echo: mock/echo
                  limited: mock/error-429
                  broken: mock/error-503
                keys:
                  - { name: narrow, key: env:NARROW_KEY, models: [echo] }
                """, Map.of("NARROW_KEY", "sb-narrow-key-0123"));
        admin = client(RunningSwitchboard.ADMIN_KEY);
    }

    @AfterAll
    static void stop() {
        switchboard.close();
    }

    static AnthropicClient client(String key) {
        // The SDK sends the key as Authorization: Bearer; Claude Code-style clients send x-api-key (edge tests cover it).
        return AnthropicOkHttpClient.builder().baseUrl(switchboard.baseUrl()).apiKey(key).maxRetries(0).build();
    }

    private static MessageCreateParams.Builder params(String model, String text) {
        return MessageCreateParams.builder().model(model).maxTokens(256).system("You are terse.").addUserMessage(text);
    }

    @Test
    void plainMessage() {
        Message message = admin.messages().create(params("echo", "hello from the Anthropic SDK").build());
        assertThat(message.content()).hasSize(1);
        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("hello from the Anthropic SDK");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isPositive();
        assertThat(message.id()).startsWith("msg_");
    }

    @Test
    void streamedMessageAccumulatesToTheFinalMessage() {
        var accumulator = MessageAccumulator.create();
        var deltas = new StringBuilder();
        MessageCreateParams params = params("echo", "streamed through the gateway")
                .addMessage(SystemMessageParam.builder().content("A system turn inside messages.").build())
                .build();
        try (StreamResponse<RawMessageStreamEvent> stream = admin.messages().createStreaming(params)) {
            stream.stream().peek(accumulator::accumulate).forEach(event -> event.contentBlockDelta()
                    .flatMap(d -> d.delta().text()).ifPresent(t -> deltas.append(t.text())));
        }
        Message message = accumulator.message();
        assertThat(deltas).hasToString("streamed through the gateway");
        assertThat(message.content().getFirst().text().orElseThrow().text()).isEqualTo("streamed through the gateway");
        assertThat(message.stopReason()).contains(StopReason.END_TURN);
        assertThat(message.usage().outputTokens()).isPositive();
    }

    private static final Tool WEATHER = Tool.builder().name("get_weather").description("Current weather in a city")
            .inputSchema(Tool.InputSchema.builder()
                    .properties(Tool.InputSchema.Properties.builder()
                            .putAdditionalProperty("city", JsonValue.from(Map.of("type", "string"))).build())
                    .addRequired("city").build())
            .build();

    @Test
    void toolUseAndToolResultsRoundTrip() {
        MessageCreateParams first = params("echo", "Paris").addTool(WEATHER).build();
        Message asked = admin.messages().create(first);
        assertThat(asked.stopReason()).contains(StopReason.TOOL_USE);
        ToolUseBlock call = asked.content().stream().flatMap(b -> b.toolUse().stream()).findFirst().orElseThrow();
        assertThat(call.name()).isEqualTo("get_weather");
        assertThat(call._input().toString()).contains("city");

        MessageCreateParams second = first.toBuilder().addMessage(asked)
                .addMessage(UserMessageParam.builder().contentOfContentBlockParams(List.of(ContentBlockParam.ofToolResult(
                        ToolResultBlockParam.builder().toolUseId(call.id()).content("18C and sunny").build()))).build())
                .build();
        Message answered = admin.messages().create(second);
        assertThat(answered.content().getFirst().text().orElseThrow().text()).contains("18C and sunny");
        assertThat(answered.stopReason()).contains(StopReason.END_TURN);
    }

    @Test
    void listsTheModelsTheKeyMayUse() {
        var ids = new java.util.ArrayList<String>();
        client("sb-narrow-key-0123").models().list().autoPager().forEach(m -> ids.add(m.id()));
        assertThat(ids).containsExactly("echo");
        assertThat(admin.models().retrieve("limited").id()).isEqualTo("limited");
    }

    @Test
    void countsTokens() {
        long tokens = admin.messages().countTokens(MessageCountTokensParams.builder().model("echo")
                .addUserMessage("word ".repeat(200)).build()).inputTokens();
        assertThat(tokens).isBetween(200L, 300L);
    }

    @Test
    void eachErrorArrivesAsTheSdksException() {
        assertThatThrownBy(() -> admin.messages().create(params("no-such-model", "x").build()))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("no-such-model");
        assertThatThrownBy(() -> client("sb-narrow-key-0123").messages().create(params("limited", "x").build()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> client("sb-wrong-key-0000").messages().create(params("echo", "x").build()))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> admin.messages().create(params("limited", "x").build()))
                .isInstanceOf(RateLimitException.class);
        assertThatThrownBy(() -> admin.messages().create(params("broken", "x").build()))
                .isInstanceOf(OverloadedException.class);
        assertThatThrownBy(() -> admin.messages().create(params("echo", "x").addTool(WEATHER)
                .toolChoice(ToolChoice.ofTool(ToolChoiceTool.builder().name("missing").build())).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("missing");
    }
}
