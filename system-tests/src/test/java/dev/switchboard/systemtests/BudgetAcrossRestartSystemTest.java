package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The all-in-one counts budgets in memory, so a restart starts its counters from zero; the spend cost-service
 * recorded comes back on {@code spend-updates}, read before the router serves, so a spent budget stays spent.
 */
class BudgetAcrossRestartSystemTest {

    @RegisterExtension
    static final FakeUpstream openai = new FakeUpstream();

    RunningSwitchboard switchboard;

    @AfterEach
    void stop() {
        if (switchboard != null) {
            switchboard.close();
        }
    }

    OpenAIClient sdk() {
        return OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1").apiKey(RunningSwitchboard.ADMIN_KEY)
                .maxRetries(0).build();
    }

    static ChatCompletionCreateParams ask() {
        return ChatCompletionCreateParams.builder().model("gpt-4o-mini").maxCompletionTokens(100)
                .addUserMessage("x".repeat(400)).build();
    }

    @Test
    void aSpentBudgetStaysSpentAfterARestart() {
        var price = ModelCatalog.builtIn().find("openai", "gpt-4o-mini-2024-07-18").orElseThrow().price();
        BigDecimal unit = price.expectedCost(100, 100);
        BigDecimal limit = unit.multiply(BigDecimal.valueOf(5)).setScale(6, java.math.RoundingMode.DOWN);
        openai.respondByDefault(RawResponse.json(200, """
                {"id":"c","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"ok"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":100,"completion_tokens":100,"total_tokens":200}}
                """));
        switchboard = RunningSwitchboard.start("""
                providers:
                  openai: { kind: openai, base-url: %s/v1, api-key: env:OPENAI_API_KEY }
                models:
                  gpt-4o-mini: openai/gpt-4o-mini-2024-07-18
                keys:
                  - { name: app, key: env:APP_KEY, budgets: [ { limit: "%s", period: total } ] }
                """.formatted(openai.baseUrl(), limit.toPlainString()),
                Map.of("OPENAI_API_KEY", "sk-upstream", "APP_KEY", RunningSwitchboard.ADMIN_KEY + "-app"),
                "--switchboard.accounting=embedded");
        var app = OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1")
                .apiKey(RunningSwitchboard.ADMIN_KEY + "-app").maxRetries(0).build();
        int answered = 0;
        while (answered < 10) {
            try {
                app.chat().completions().create(ask());
                answered++;
            } catch (OpenAIServiceException e) {
                assertThat(e.statusCode()).isEqualTo(402);
                break;
            }
        }
        assertThat(answered).isBetween(4, 5);

        switchboard = switchboard.restart();
        var again = OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1")
                .apiKey(RunningSwitchboard.ADMIN_KEY + "-app").maxRetries(0).build();
        // the restarted router read the recorded spend before it served: not one more request gets through
        assertThatThrownBy(() -> again.chat().completions().create(ask()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(402));
    }
}
