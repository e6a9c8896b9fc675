package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.InternalServerException;
import com.openai.models.embeddings.EmbeddingCreateParams;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A real OpenAI-protocol upstream (a fake speaking its exact wire format) behind the all-in-one. */
class OpenAiUpstreamSystemTest {

    @RegisterExtension
    static final FakeUpstream openai = new FakeUpstream();

    static RunningSwitchboard switchboard;
    static OpenAIClient sdk;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        switchboard = RunningSwitchboard.start("""
                providers:
                  openai: { kind: openai, base-url: %1$s/v1, api-key: env:OPENAI_API_KEY }
                  impatient: { kind: openai, base-url: %1$s/v1, api-key: env:OPENAI_API_KEY, timeout: 300ms }
                models:
                  gpt-4o-mini: openai/gpt-4o-mini-2024-07-18
                  embed: openai/text-embedding-3-small
                  hurried: impatient/gpt-4o-mini
                """.formatted(openai.baseUrl()), Map.of("OPENAI_API_KEY", "sk-upstream-provider-key"),
                "--switchboard.edge.max-body-size=64KB");
        sdk = OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1")
                .apiKey(RunningSwitchboard.ADMIN_KEY).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        switchboard.close();
    }

    static RawResponse sse(String... contents) {
        return OpenAiStreams.sse("gpt-4o-mini-2024-07-18", contents);
    }


    @Test
    void nonStreamingSdkCallIsOneNonStreamingUpstreamCallWithTheProvidersKey() {
        openai.respond(RawResponse.json(200, """
                {"id":"chatcmpl-up","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"Hello world"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}
                """));
        var completion = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("hi").build());

        assertThat(completion.choices().getFirst().message().content()).hasValue("Hello world");
        assertThat(completion.usage().orElseThrow().totalTokens()).isEqualTo(12);
        var upstream = openai.lastRequest();
        assertThat(upstream.target()).isEqualTo("/v1/chat/completions");
        assertThat(upstream.headers()).containsEntry("authorization", "Bearer sk-upstream-provider-key");
        assertThat(upstream.body()).contains("\"model\":\"gpt-4o-mini-2024-07-18\"").contains("\"stream\":false")
                .doesNotContain(RunningSwitchboard.ADMIN_KEY);
    }

    @Test
    void streamingSdkCallIsReFramedFromTheUpstreamStream() {
        openai.respond(sse("Hello", " world")).rechunked(7);
        var text = new StringBuilder();
        var usage = new java.util.concurrent.atomic.AtomicLong();
        try (var stream = sdk.chat().completions().createStreaming(ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini").addUserMessage("hi")
                .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build()).build())) {
            stream.stream().forEach(chunk -> {
                chunk.choices().forEach(c -> c.delta().content().ifPresent(text::append));
                chunk.usage().ifPresent(u -> usage.set(u.totalTokens()));
            });
        }
        assertThat(text).hasToString("Hello world");
        assertThat(usage).hasValue(12);
        assertThat(openai.lastRequest().body()).contains("\"stream\":true").contains("\"include_usage\":true");
    }

    @Test
    void embeddingsReachTheUpstreamAndComeBackInOrder() {
        openai.respond(RawResponse.json(200, """
                {"object":"list","model":"text-embedding-3-small","usage":{"prompt_tokens":5,"total_tokens":5},
                 "data":[{"object":"embedding","index":1,"embedding":[0.5,-0.25]},
                         {"object":"embedding","index":0,"embedding":[0.125,1.0]}]}
                """));
        var response = sdk.embeddings().create(EmbeddingCreateParams.builder().model("embed")
                .inputOfArrayOfStrings(java.util.List.of("first", "second")).build());

        assertThat(response.data()).extracting(e -> e.embedding())
                .containsExactly(java.util.List.of(0.125f, 1.0f), java.util.List.of(0.5f, -0.25f));
        assertThat(response.usage().promptTokens()).isEqualTo(5);
        assertThat(openai.lastRequest().target()).isEqualTo("/v1/embeddings");
        assertThat(openai.lastRequest().body()).contains("\"model\":\"text-embedding-3-small\"");
    }

    @Test
    void anUpstreamThatDoesNotAnswerInTimeIsA504() {
        openai.respond(sse("late")).stallHeaders(Duration.ofSeconds(3));
        assertThatThrownBy(() -> sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("hurried").addUserMessage("hi").build()))
                .isInstanceOfSatisfying(InternalServerException.class, e -> assertThat(e.statusCode()).isEqualTo(504));
    }

    @Test
    void aCallerThatDisconnectsCancelsTheUpstreamCall() throws Exception {
        openai.respond(sse("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"))
                .slowDrip(Duration.ofMillis(150));
        var request = post("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"x\"}]}");
        var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (var body = response.body()) {
            assertThat(body.read()).isPositive();
        }
        assertThat(openai.awaitClientDisconnect(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void malformedJsonAndOversizedBodiesGetOpenAiErrors() throws Exception {
        var malformed = http.send(post("{\"model\":"), HttpResponse.BodyHandlers.ofString());
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.headers().allValues("x-request-id")).as("one request id, not the edge's and the router's")
                .hasSize(1);
        assertThat(malformed.body()).contains("\"type\":\"invalid_request_error\"").contains("not valid JSON");

        var huge = http.send(post("{\"pad\":\"" + "x".repeat(100 * 1024) + "\"}"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(huge.statusCode()).isEqualTo(413);
        assertThat(huge.body()).contains("request_too_large");
    }

    @Test
    void identityHeadersFromOutsideAreIgnored() throws Exception {
        var forged = HttpRequest.newBuilder(URI.create(switchboard.baseUrl() + "/v1/models"))
                .header("x-switchboard-principal", "v1.YWRtaW4.0.c2ln").GET().build();
        var response = http.send(forged, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("authentication_error");
        assertThat(response.headers().allValues("x-request-id")).hasSize(1);
    }

    HttpRequest post(String body) {
        return HttpRequest.newBuilder(URI.create(switchboard.baseUrl() + "/v1/chat/completions"))
                .header("authorization", "Bearer " + RunningSwitchboard.ADMIN_KEY)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
