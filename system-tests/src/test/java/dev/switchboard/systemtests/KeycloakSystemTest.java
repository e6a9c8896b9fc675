package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.anthropic.client.okhttp.AnthropicOkHttpClient;
import com.anthropic.models.messages.MessageCreateParams;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.PermissionDeniedException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keycloak tokens at the edge: the real Keycloak distribution with {@code deploy/keycloak}'s realm, Switchboard
 * trusting it as its issuer, and the official SDKs sending the tokens as their API key.
 */
class KeycloakSystemTest {

    static final String CLI = "switchboard-cli";
    static final String CLI_SECRET = "switchboard-cli-secret";

    static RunningKeycloak keycloak;
    static RunningSwitchboard switchboard;

    @BeforeAll
    static void start() {
        keycloak = RunningKeycloak.start();
        // The edge fetches Keycloak's discovery document and keys on the first token, so both start side by side.
        switchboard = RunningSwitchboard.start("""
                providers: { mock: { kind: mock } }
                models: { echo: mock/echo, lorem: mock/lorem }
                teams:
                  - { name: payments, models: [echo] }
                """, Map.of(), "--switchboard.identity.oidc.issuer-uri=" + keycloak.issuer());
        keycloak.awaitReady(Duration.ofSeconds(150));
    }

    @AfterAll
    static void stop() {
        if (switchboard != null) {
            switchboard.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
    }

    static OpenAIClient openAi(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1").apiKey(apiKey).maxRetries(0).build();
    }

    static ChatCompletionCreateParams ask(String text) {
        return ChatCompletionCreateParams.builder().model("echo").addUserMessage(text).build();
    }

    @Test
    void aServiceAccountsClientCredentialsTokenCallsAModel() {
        String token = keycloak.clientCredentialsToken(CLI, CLI_SECRET);

        var completion = openAi(token).chat().completions().create(ask("hello from a Keycloak service account"));

        assertThat(completion.choices().getFirst().message().content())
                .hasValue("hello from a Keycloak service account");
    }

    @Test
    void aTokenIsHeldToItsTeamsModels() {
        String token = keycloak.clientCredentialsToken(CLI, CLI_SECRET);

        assertThatThrownBy(() -> openAi(token).chat().completions().create(ChatCompletionCreateParams.builder()
                .model("lorem").addUserMessage("x").build()))
                .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.statusCode()).isEqualTo(403))
                .hasMessageContaining("team 'payments' (of token 'service-account-switchboard-cli') may not use model "
                        + "'lorem'");
    }

    @Test
    void aUsersPasswordGrantTokenCallsAModel() {
        String token = keycloak.passwordToken(CLI, CLI_SECRET, "alice", "alice-password");

        assertThat(openAi(token).chat().completions().create(ask("hello, alice")).choices().getFirst()
                .message().content()).hasValue("hello, alice");
    }

    @Test
    void aTokenIssuedForAnotherAudienceIsRejected() {
        String token = keycloak.clientCredentialsToken("other-app", "other-app-secret");

        assertThatThrownBy(() -> openAi(token).chat().completions().create(ask("x")))
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.statusCode()).isEqualTo(401))
                .hasMessageContaining("the audience does not include 'switchboard'")
                .hasMessageNotContaining(token);
        var anthropic = AnthropicOkHttpClient.builder().baseUrl(switchboard.baseUrl()).authToken(token)
                .maxRetries(0).build();
        assertThatThrownBy(() -> anthropic.messages().create(MessageCreateParams.builder().model("echo")
                .maxTokens(64).addUserMessage("x").build()))
                .isInstanceOf(com.anthropic.errors.UnauthorizedException.class)
                .hasMessageContaining("the audience does not include 'switchboard'");
    }

    @Test
    void aTamperedTokenIsRejected() {
        String[] parts = keycloak.clientCredentialsToken(CLI, CLI_SECRET).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = claims.replace("service-account-switchboard-cli", "alice");
        assertThat(forged).isNotEqualTo(claims);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];

        assertThatThrownBy(() -> openAi(tampered).chat().completions().create(ask("x")))
                .isInstanceOf(UnauthorizedException.class)
                .hasMessageContaining("signature does not match");
    }

    @Test
    void switchboardKeysStillWorkBesideTokens() {
        assertThat(openAi(RunningSwitchboard.ADMIN_KEY).chat().completions().create(ask("a key, not a token"))
                .choices().getFirst().message().content()).hasValue("a key, not a token");
        assertThatThrownBy(() -> openAi("sb-not-a-key").chat().completions().create(ask("x")))
                .isInstanceOf(UnauthorizedException.class).hasMessageContaining("Incorrect API key");
    }
}
