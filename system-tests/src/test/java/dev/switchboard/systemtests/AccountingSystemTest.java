package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The all-in-one with embedded accounting: requests through the official SDK become completion events on the
 * in-process Kafka broker, which the cost service prices into the embedded PostgreSQL; its API then shows each
 * request at the catalog price times the upstream's usage.
 */
class AccountingSystemTest {

    @RegisterExtension
    static final FakeUpstream openai = new FakeUpstream();

    static RunningSwitchboard switchboard;
    static OpenAIClient sdk;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        switchboard = RunningSwitchboard.start("""
                providers:
                  openai: { kind: openai, base-url: %s/v1, api-key: env:OPENAI_API_KEY }
                models:
                  gpt-4o-mini: openai/gpt-4o-mini-2024-07-18
                """.formatted(openai.baseUrl()), Map.of("OPENAI_API_KEY", "sk-upstream-provider-key"),
                "--switchboard.accounting=embedded");
        sdk = OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1")
                .apiKey(RunningSwitchboard.ADMIN_KEY).maxRetries(0).build();
    }

    @AfterAll
    static void stop() {
        if (switchboard != null) {
            switchboard.close();
        }
    }

    static RawResponse completion(long promptTokens, long completionTokens) {
        return RawResponse.json(200, """
                {"id":"chatcmpl-up","object":"chat.completion","created":1,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"priced"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                """.formatted(promptTokens, completionTokens, promptTokens + completionTokens));
    }

    @Test
    void everyRequestIsRecordedAtTheCatalogPrice() throws Exception {
        long[][] usages = {{1200, 340}, {77, 5}, {1_000_000, 1}};
        var price = ModelCatalog.builtIn().find("openai", "gpt-4o-mini-2024-07-18").orElseThrow().price();
        List<BigDecimal> expected = new ArrayList<>();
        for (long[] usage : usages) {
            openai.respond(completion(usage[0], usage[1]));
            var answer = sdk.chat().completions().create(ChatCompletionCreateParams.builder()
                    .model("gpt-4o-mini").addUserMessage("what does this cost?").build());
            assertThat(answer.choices().getFirst().message().content()).hasValue("priced");
            expected.add(price.expectedCost(usage[0], usage[1]));
        }
        BigDecimal total = expected.stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        JsonNode log = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/v1/requests?model=gpt-4o-mini"), node -> node.path("requests").size() >= 3);
        JsonNode requests = log.path("requests");
        assertThat(requests).hasSize(3);
        List<BigDecimal> recorded = new ArrayList<>();
        for (JsonNode request : requests) {
            assertThat(request.path("provider").asText()).isEqualTo("openai");
            assertThat(request.path("providerModel").asText()).isEqualTo("gpt-4o-mini-2024-07-18");
            assertThat(request.path("status").asInt()).isEqualTo(200);
            recorded.add(new BigDecimal(request.path("costUsd").asText()));
        }
        // newest first
        assertThat(recorded).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(expected.get(2), expected.get(1), expected.get(0));
        assertThat(requests.get(0).path("usage").path("inputTokens").asLong()).isEqualTo(1_000_000);

        JsonNode spend = get("/v1/spend?groupBy=model");
        assertThat(spend.path("total").path("requests").asLong()).isEqualTo(3);
        assertThat(spend.path("total").path("inputTokens").asLong()).isEqualTo(1_000_000 + 1200 + 77);
        assertThat(new BigDecimal(spend.path("total").path("costUsd").asText())).isEqualByComparingTo(total);
        assertThat(spend.path("total").path("unpricedRequests").asLong()).isZero();
    }

    static JsonNode get(String pathAndQuery) throws Exception {
        // through the edge, as an operator would: /admin/v1/... with the admin key
        var response = http.send(HttpRequest.newBuilder(URI.create(switchboard.baseUrl() + "/admin" + pathAndQuery))
                .header("Authorization", "Bearer " + RunningSwitchboard.ADMIN_KEY).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
