package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.BadRequestException;
import com.openai.errors.InternalServerException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIException;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.RateLimitException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.models.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The official openai-java SDK against the all-in-one, served by the built-in mock provider. */
class OpenAiSdkSystemTest {

    static RunningSwitchboard switchboard;
    static OpenAIClient admin;

    @BeforeAll
    static void start() {
        switchboard = RunningSwitchboard.start("""
                providers:
                  mock: { kind: mock }
                  spare: { kind: mock }
                models:
                  echo: mock/echo
                  lorem: mock/lorem
                  embed: mock/embed
                  limited: mock/error-429
                  broken: mock/error-503
                  resilient: { targets: [ mock/error-503, spare/echo ] }
                keys:
                  - { name: narrow, key: env:NARROW_KEY, models: [echo] }
                """, Map.of("NARROW_KEY", "sb-narrow-key-0123"));
        admin = client(RunningSwitchboard.ADMIN_KEY);
    }

    @AfterAll
    static void stop() {
        switchboard.close();
    }

    static OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1").apiKey(key).maxRetries(0).build();
    }

    static ChatCompletionCreateParams.Builder ask(String model, String text) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage(text);
    }

    @Test
    void plainCompletion() {
        ChatCompletion completion = admin.chat().completions().create(ask("echo", "hello from the SDK").build());
        assertThat(completion.choices().getFirst().message().content()).hasValue("hello from the SDK");
        assertThat(completion.choices().getFirst().finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(completion.usage()).hasValueSatisfying(u -> assertThat(u.completionTokens()).isPositive());
    }

    @Test
    void streamedCompletionWithUsage() {
        var params = ask("echo", "a streamed answer in several chunks")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build();
        var text = new StringBuilder();
        var usage = new AtomicReference<Long>();
        try (var stream = admin.chat().completions().createStreaming(params)) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
                chunk.usage().ifPresent(u -> usage.set(u.totalTokens()));
            });
        }
        assertThat(text).hasToString("a streamed answer in several chunks");
        assertThat(usage.get()).isPositive();
    }

    @Test
    void toolCallRoundTrip() {
        var params = ask("echo", "Paris").addFunctionTool(weatherTool()).build();
        ChatCompletion first = admin.chat().completions().create(params);
        var message = first.choices().getFirst().message();
        assertThat(first.choices().getFirst().finishReason())
                .isEqualTo(ChatCompletion.Choice.FinishReason.TOOL_CALLS);
        ChatCompletionMessageFunctionToolCall call = message.toolCalls().orElseThrow().getFirst().asFunction();
        assertThat(call.function().name()).isEqualTo("get_weather");
        assertThat(call.function().arguments()).isEqualTo("{\"city\":\"Paris\"}");

        ChatCompletion second = admin.chat().completions().create(params.toBuilder()
                .addMessage(message)
                .addMessage(ChatCompletionToolMessageParam.builder().toolCallId(call.id()).content("sunny, 21C").build())
                .build());
        assertThat(second.choices().getFirst().message().content()).hasValue("Tool results: sunny, 21C");
    }

    @Test
    void parallelToolCallsStream() {
        var params = ask("echo", "Paris").addFunctionTool(weatherTool())
                .addFunctionTool(FunctionDefinition.builder().name("get_time").build()).build();
        List<String> names = new ArrayList<>();
        try (var stream = admin.chat().completions().createStreaming(params)) {
            stream.stream().flatMap(chunk -> chunk.choices().stream())
                    .flatMap(c -> c.delta().toolCalls().stream().flatMap(List::stream))
                    .forEach(tc -> tc.function().flatMap(ChatCompletionChunk.Choice.Delta.ToolCall.Function::name)
                            .ifPresent(names::add));
        }
        assertThat(names).containsExactly("get_weather", "get_time");
    }

    @Test
    void embeddingsFromTheMockAreDeterministic() {
        var params = EmbeddingCreateParams.builder().model("embed")
                .inputOfArrayOfStrings(List.of("same text", "same text", "other text")).dimensions(8).build();
        var data = admin.embeddings().create(params).data();
        assertThat(data).hasSize(3).allSatisfy(e -> assertThat(e.embedding()).hasSize(8));
        assertThat(data.get(0).embedding()).isEqualTo(data.get(1).embedding()).isNotEqualTo(data.get(2).embedding());
    }

    @Test
    void fallsBackSoTheCallerSeesOnlySuccess() {
        assertThat(admin.chat().completions().create(ask("resilient", "still up").build())
                .choices().getFirst().message().content()).hasValue("still up");
    }

    @Test
    void listsModels() {
        assertThat(admin.models().list().data()).extracting(Model::id)
                .contains("echo", "lorem", "resilient");
        assertThat(client("sb-narrow-key-0123").models().list().data()).extracting(Model::id).containsExactly("echo");
    }

    @Test
    void errorsSurfaceAsTheSdksExceptions() {
        assertThatThrownBy(() -> client("sb-wrong").chat().completions().create(ask("echo", "x").build()))
                .isInstanceOf(UnauthorizedException.class);
        assertThatThrownBy(() -> admin.chat().completions().create(ask("no-such-model", "x").build()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client("sb-narrow-key-0123").chat().completions().create(ask("lorem", "x").build()))
                .isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> admin.chat().completions().create(ask("echo", "x").n(2).build()))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("n: only 1 choice");
        assertThatThrownBy(() -> admin.chat().completions().create(ask("limited", "x").build()))
                .isInstanceOfSatisfying(RateLimitException.class,
                        e -> assertThat(e.headers().values("retry-after")).isNotEmpty());
        assertThatThrownBy(() -> admin.chat().completions().create(ask("broken", "x").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(503));
    }

    @Test
    void aFailureMidStreamEndsTheStreamWithAnError() {
        var params = ask("echo", "[mock:fail-after=2] words that will not all arrive").build();
        var received = new StringBuilder();
        assertThatThrownBy(() -> {
            try (var stream = admin.chat().completions().createStreaming(params)) {
                stream.stream().forEach(chunk -> chunk.choices()
                        .forEach(c -> c.delta().content().ifPresent(received::append)));
            }
        }).isInstanceOf(OpenAIException.class);
        assertThat(received).isNotEmpty();
    }

    static FunctionDefinition weatherTool() {
        return FunctionDefinition.builder().name("get_weather").parameters(FunctionParameters.builder()
                .putAdditionalProperty("type", JsonValue.from("object"))
                .putAdditionalProperty("properties", JsonValue.from(Map.of("city", Map.of("type", "string"))))
                .putAdditionalProperty("required", JsonValue.from(List.of("city")))
                .build()).build();
    }
}
