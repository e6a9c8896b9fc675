package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.models.Model;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Editing {@code switchboard.yaml} under a running Switchboard: good edits go live, bad ones change nothing. */
class ConfigReloadSystemTest {

    RunningSwitchboard switchboard;
    OpenAIClient admin;

    @BeforeEach
    void start() {
        switchboard = RunningSwitchboard.start("""
                providers: { mock: { kind: mock } }
                models: { first: mock/echo }
                """, Map.of("LATER_KEY", "sb-later-key-0123"));
        admin = client(RunningSwitchboard.ADMIN_KEY);
    }

    @AfterEach
    void stop() {
        switchboard.close();
    }

    OpenAIClient client(String key) {
        return OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1").apiKey(key).maxRetries(0).build();
    }

    @Test
    void aValidEditGoesLiveAtTheEdgeAndTheRouter() throws Exception {
        Files.writeString(switchboard.configFile(), """
                providers: { mock: { kind: mock } }
                models: { first: mock/echo, second: mock/lorem }
                keys: [ { name: later, key: env:LATER_KEY } ]
                """);
        // The edge and the router each poll the file; until both have the edit a call may still be refused.
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().untilAsserted(() ->
                assertThat(client("sb-later-key-0123").models().list().data()).extracting(Model::id)
                        .containsExactly("first", "second"));
        assertThat(admin.chat().completions().create(ChatCompletionCreateParams.builder().model("second")
                .addUserMessage("x").build()).choices().getFirst().message().content()).isPresent();
    }

    @Test
    void aBadEditKeepsTheLastGoodConfigLive() throws Exception {
        Files.writeString(switchboard.configFile(), """
                providers: { mock: { kind: no-such-kind } }
                models: { first: mock/echo, second: mock/lorem }
                keys: [ { name: later, key: env:LATER_KEY } ]
                """);
        // Both services poll every 200 ms; give them several chances to (wrongly) pick the edit up.
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(admin.models().list().data()).extracting(Model::id).containsExactly("first");
            assertThatThrownBy(() -> client("sb-later-key-0123").models().list())
                    .isInstanceOf(UnauthorizedException.class);
        });
    }
}
