package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/**
 * Governance through the all-in-one's front door: the operator creates teams and keys with the admin API (through
 * the edge, with the admin key); the policy service publishes them on {@code policy-changes}; the edge and the router
 * pick them up and enforce them; a team admin sees only its own team; secrets never reach the logs or the API.
 */
class GovernanceSystemTest {

    @RegisterExtension
    static final FakeUpstream upstream = new FakeUpstream();

    static final String PROVIDER_SECRET = "sk-upstream-stored-credential-4242";
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();
    static final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    static RunningSwitchboard switchboard;

    @BeforeAll
    static void start() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        switchboard = RunningSwitchboard.start("""
                providers:
                  mock: { kind: mock }
                  vault: { kind: openai-compatible, base-url: %s/v1, api-key: "credential:vault" }
                models:
                  echo: mock/echo
                  lorem: mock/lorem
                  stored: vault/llama-3
                """.formatted(upstream.baseUrl()), Map.of(), "--switchboard.accounting=embedded");
    }

    @AfterAll
    static void stop() {
        if (switchboard != null) {
            switchboard.close();
        }
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    }

    static OpenAIClient sdk(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1").apiKey(key).maxRetries(0).build();
    }

    static ChatCompletionCreateParams ask(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("hello governance").build();
    }

    static HttpResponse<String> admin(String key, String method, String path, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(switchboard.baseUrl() + path))
                .header("Authorization", "Bearer " + key).header("content-type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode ok(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 299);
        return json.readTree(response.body());
    }

    @Test
    void anIssuedKeyWorksWithinSecondsIsHeldToItsTeamAndStopsWhenRevoked() throws Exception {
        String adminKey = RunningSwitchboard.ADMIN_KEY;
        ok(admin(adminKey, "POST", "/admin/v1/teams",
                "{\"name\":\"payments\",\"models\":[\"echo\",\"stored\"],\"dataClass\":\"internal\"}"));
        ok(admin(adminKey, "POST", "/admin/v1/teams", "{\"name\":\"research\",\"models\":[\"echo\",\"lorem\"]}"));
        JsonNode issued = ok(admin(adminKey, "POST", "/admin/v1/teams/payments/keys",
                "{\"name\":\"checkout\",\"roles\":[\"team-admin\"]}"));
        String key = issued.path("key").asText();
        String id = issued.path("details").path("id").asText();
        assertThat(key).startsWith("sb-");
        long issuedAt = System.nanoTime();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> admin(key, "GET", "/v1/models", null).statusCode() == 200);
        System.out.printf("an issued key worked %d ms after the policy service answered%n",
                (System.nanoTime() - issuedAt) / 1_000_000);
        assertThat(sdk(key).chat().completions().create(ask("echo")).choices().getFirst().message().content())
                .hasValue("hello governance");

        // the cost API through the edge: the team admin sees its team's request log, never the operator's requests
        sdk(adminKey).chat().completions().create(ask("echo"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() ->
                ok(admin(adminKey, "GET", "/admin/v1/requests", null)).path("requests").size() >= 2);
        JsonNode teamLog = ok(admin(key, "GET", "/admin/v1/requests", null)).path("requests");
        assertThat(teamLog.size()).isPositive();
        teamLog.forEach(entry -> assertThat(entry.path("team").asText()).isEqualTo("payments"));

        assertThatThrownBy(() -> sdk(key).chat().completions().create(ask("lorem")))
                .isInstanceOf(PermissionDeniedException.class)
                .hasMessageContaining("team 'payments' (of key 'checkout') may not use model 'lorem'");

        // the key is its team's admin: it sees its own team's keys, never another team's
        assertThat(admin(key, "GET", "/admin/v1/teams/payments/keys", null).body()).contains(id)
                .doesNotContain(key);
        assertThat(admin(key, "GET", "/admin/v1/teams/research/keys", null).statusCode()).isEqualTo(404);
        assertThat(admin(key, "PUT", "/admin/v1/teams/payments",
                "{\"name\":\"payments\",\"models\":[\"echo\",\"lorem\"]}").statusCode()).isIn(403, 404);
        assertThat(admin(key, "POST", "/admin/v1/teams/research/keys", "{\"name\":\"sneaky\"}").statusCode())
                .isEqualTo(404);

        ok(admin(adminKey, "POST", "/admin/v1/keys/" + id + "/revoke", null));
        long revokedAt = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> admin(key, "GET", "/v1/models", null).statusCode() == 401);
        System.out.printf("a revoked key was refused %d ms after the policy service answered%n",
                (System.nanoTime() - revokedAt) / 1_000_000);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThatThrownBy(() -> sdk(key).chat().completions().create(ask("echo")))
                        .isInstanceOf(UnauthorizedException.class).hasMessageContaining("revoked"));
        assertThat(logged()).doesNotContain(key);
    }

    @Test
    void aStoredProviderCredentialReachesTheUpstreamButNeverTheLogsOrTheApi() throws Exception {
        String adminKey = RunningSwitchboard.ADMIN_KEY;
        ok(admin(adminKey, "PUT", "/admin/v1/credentials/vault", "{\"value\":\"" + PROVIDER_SECRET + "\"}"));
        assertThat(admin(adminKey, "GET", "/admin/v1/credentials", null).body()).contains("vault")
                .doesNotContain(PROVIDER_SECRET);

        upstream.respondByDefault(RawResponse.json(200, """
                {"id":"c1","object":"chat.completion","created":1,"model":"llama-3",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"from the vault"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":3,"completion_tokens":3,"total_tokens":6}}
                """));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> sdk(adminKey).chat().completions().create(ask("stored")).choices().getFirst().message()
                        .content().orElse("").equals("from the vault"));
        assertThat(upstream.lastRequest().header("Authorization")).isEqualTo("Bearer " + PROVIDER_SECRET);
        assertThat(logged()).doesNotContain(PROVIDER_SECRET);
    }

    static String logged() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            all.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                all.append(event.getThrowableProxy().getMessage()).append('\n');
            }
        }
        return all.toString();
    }
}
