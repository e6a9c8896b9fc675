package dev.switchboard.providers.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.providers.http.UpstreamClient;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.JsonAssert;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

class AnthropicTokenCountingTest {

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream();

    private final ConnectionProvider connections = ConnectionProvider.create("count-tokens-test", 4);
    private final AnthropicAdapter adapter = new AnthropicAdapter(
            new UpstreamClient(UpstreamClient.defaultHttpClient(connections)));
    private final ChatRequest request = ChatRequest.of("alias",
            List.of(Message.of(Role.SYSTEM, "Be terse."), Message.of(Role.USER, "Hello")));

    @AfterEach
    void dispose() {
        connections.dispose();
    }

    @Test
    void postsTheMessagesToCountTokensAndReadsInputTokens() {
        upstream.respondWithStatus(200, "{\"input_tokens\":2095}");

        Long count = adapter.countInputTokens(request, target(Map.of("anthropic-beta", " token-counting-2024-11-01 , ")))
                .block(Duration.ofSeconds(5));

        assertThat(count).isEqualTo(2095L);
        assertThat(upstream.lastRequest().path()).isEqualTo("/v1/messages/count_tokens");
        assertThat(upstream.lastRequest().header("x-api-key")).isEqualTo("sk-ant-count");
        assertThat(upstream.lastRequest().header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(upstream.lastRequest().header("anthropic-beta")).isEqualTo("token-counting-2024-11-01");
        assertThat(upstream.lastRequest().header("Accept")).isEqualTo("application/json");
        JsonAssert.assertJsonEquals("""
                {"model":"claude-sonnet-4-5","system":[{"type":"text","text":"Be terse."}],
                 "messages":[{"role":"user","content":[{"type":"text","text":"Hello"}]}]}""", upstream.lastRequest().body());
    }

    @Test
    void sendsTheConfiguredBetasThenTheCallersOnce() {
        upstream.respondWithStatus(200, "{\"input_tokens\":1}");
        var o = request.options();
        var withBetas = new ChatRequest(request.model(), request.messages(), request.tools(), request.sampling(),
                new ChatRequest.Options(o.toolChoice(), o.parallelToolCalls(), o.responseFormat(), null, null,
                        List.of("interleaved-thinking-2025-05-14", "context-1m-2025-08-07")));

        adapter.countInputTokens(withBetas, target(Map.of("anthropic-beta", "context-1m-2025-08-07")))
                .block(Duration.ofSeconds(5));

        assertThat(upstream.lastRequest().header("anthropic-beta"))
                .isEqualTo("context-1m-2025-08-07,interleaved-thinking-2025-05-14");
    }

    @Test
    void mapsAnUpstreamRefusalLikeAnyOtherCall() {
        upstream.respondWithStatus(401, "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\",\"message\":\"invalid x-api-key\"}}");

        StepVerifier.create(adapter.countInputTokens(request, target(Map.of())))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(GatewayException.class, g -> {
                    assertThat(g.category()).isEqualTo(ErrorCategory.UPSTREAM_AUTH_FAILED);
                    assertThat(g.getMessage()).startsWith("claude: ");
                }))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void failsOnAnAnswerWithoutInputTokens() {
        upstream.respondWithStatus(200, "{\"tokens\":3}");

        StepVerifier.create(adapter.countInputTokens(request, target(Map.of())))
                .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(GatewayException.class,
                        g -> assertThat(g.category()).isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE)))
                .verify(Duration.ofSeconds(5));
    }

    private UpstreamTarget target(Map<String, String> settings) {
        return new UpstreamTarget("claude", "claude-sonnet-4-5", URI.create(upstream.baseUrl()), "sk-ant-count", settings,
                Duration.ofSeconds(5));
    }
}
