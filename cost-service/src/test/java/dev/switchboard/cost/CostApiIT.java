package dev.switchboard.cost;

import static dev.switchboard.cost.TestEvents.completion;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.cost.ingest.CompletionLedger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The query and price API over data recorded through the ledger (the Kafka path is CompletionConsumptionIT's). */
class CostApiIT extends CostServiceTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    CompletionLedger ledger;

    private void seedTwoDaysOfTraffic() throws Exception {
        price("acme", "m1", "{\"inputPerMtok\":\"1\",\"outputPerMtok\":\"2\"}");
        price("fast", "f1", "{\"inputPerMtok\":\"10\",\"outputPerMtok\":\"20\"}");
        // day 1: billing-app uses m1 for "search" twice, reports-app uses f1 for "summary" once
        ledger.record(completion("a1").at("2031-03-04T09:00:00Z").key("billing-app").tag("feature", "search")
                .servedBy("acme", "m1", TokenUsage.of(1000, 500)).build());              // 0.002
        ledger.record(completion("a2").at("2031-03-04T23:59:59Z").key("billing-app").tag("feature", "search")
                .servedBy("acme", "m1", TokenUsage.of(2000, 0)).build());                // 0.002
        ledger.record(completion("a3").at("2031-03-04T12:00:00Z").key("reports-app").team("finance").user("ada")
                .tag("feature", "summary").servedBy("fast", "f1", TokenUsage.of(100, 50)).build()); // 0.002
        // day 2: billing-app, no feature tag
        ledger.record(completion("a4").at("2031-03-05T00:00:00Z").key("billing-app")
                .servedBy("fast", "f1", TokenUsage.of(1000, 1000)).build());             // 0.03
    }

    @Test
    void groupsSpendByDayKeyModelAndTag() throws Exception {
        seedTwoDaysOfTraffic();

        mvc.perform(get("/v1/spend").param("from", "2031-03-04").param("to", "2031-03-05").param("groupBy", "day"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(2))
                .andExpect(jsonPath("$.groups[0].group").value("2031-03-04"))
                .andExpect(jsonPath("$.groups[0].requests").value(3))
                .andExpect(jsonPath("$.groups[0].costUsd").value("0.006"))
                .andExpect(jsonPath("$.groups[1].group").value("2031-03-05"))
                .andExpect(jsonPath("$.groups[1].costUsd").value("0.03"))
                .andExpect(jsonPath("$.total.requests").value(4))
                .andExpect(jsonPath("$.total.inputTokens").value(4100))
                .andExpect(jsonPath("$.total.totalTokens").value(5650))
                .andExpect(jsonPath("$.total.costUsd").value("0.036"));

        mvc.perform(get("/v1/spend").param("from", "2031-03-04").param("to", "2031-03-05").param("groupBy", "key"))
                .andExpect(jsonPath("$.groups[0].group").value("billing-app"))
                .andExpect(jsonPath("$.groups[0].requests").value(3))
                .andExpect(jsonPath("$.groups[0].costUsd").value("0.034"))
                .andExpect(jsonPath("$.groups[1].group").value("reports-app"))
                .andExpect(jsonPath("$.groups[1].costUsd").value("0.002"));

        mvc.perform(get("/v1/spend").param("from", "2031-03-04").param("to", "2031-03-04").param("groupBy", "model"))
                .andExpect(jsonPath("$.groups[0].group").value("m1"))
                .andExpect(jsonPath("$.groups[0].requests").value(2))
                .andExpect(jsonPath("$.groups[0].costUsd").value("0.004"))
                .andExpect(jsonPath("$.groups[1].group").value("f1"))
                .andExpect(jsonPath("$.total.costUsd").value("0.006"));

        mvc.perform(get("/v1/spend").param("from", "2031-03-04").param("to", "2031-03-05").param("groupBy", "tag"))
                .andExpect(jsonPath("$.groups[0].group").value(nullValue()))
                .andExpect(jsonPath("$.groups[0].costUsd").value("0.03"))
                .andExpect(jsonPath("$.groups[1].group").value("search"))
                .andExpect(jsonPath("$.groups[1].requests").value(2))
                .andExpect(jsonPath("$.groups[2].group").value("summary"));

        mvc.perform(get("/v1/spend").param("from", "2031-03-04").param("to", "2031-03-05").param("groupBy", "team"))
                .andExpect(jsonPath("$.groups[0].group").value("payments"))
                .andExpect(jsonPath("$.groups[1].group").value("finance"));

        mvc.perform(get("/v1/spend").param("from", "2031-03-04").param("to", "2031-03-05").param("groupBy", "user"))
                .andExpect(jsonPath("$.groups[0].group").value("user-1"))
                .andExpect(jsonPath("$.groups[0].requests").value(3))
                .andExpect(jsonPath("$.groups[0].costUsd").value("0.034"))
                .andExpect(jsonPath("$.groups[1].group").value("ada"))
                .andExpect(jsonPath("$.groups[1].costUsd").value("0.002"));
    }

    @Test
    void refusesAnUnknownGroupingOrABadDateWithAClearMessage() throws Exception {
        mvc.perform(get("/v1/spend").param("groupBy", "colour"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(
                        "groupBy is 'colour' (expected one of: key, team, user, model, provider, tag, day)"));
        mvc.perform(get("/v1/spend").param("from", "04/03/2031"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(containsString("expected a date YYYY-MM-DD")));
        mvc.perform(get("/v1/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.message").value("no endpoint GET /v1/nothing-here"));
        mvc.perform(get("/v1/latency").param("from", "2031-03-05").param("to", "2031-03-04"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(containsString("is after 'to'")));
    }

    @Test
    void listsRequestsNewestFirstFilteredByKeyAndModel() throws Exception {
        seedTwoDaysOfTraffic();

        mvc.perform(get("/v1/requests").param("key", "billing-app"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requests.length()").value(3))
                .andExpect(jsonPath("$.requests[0].requestId").value("a4"))
                .andExpect(jsonPath("$.requests[1].requestId").value("a2"))
                .andExpect(jsonPath("$.requests[2].requestId").value("a1"))
                .andExpect(jsonPath("$.requests[0].costUsd").value("0.03"))
                .andExpect(jsonPath("$.requests[0].usage.inputTokens").value(1000))
                .andExpect(jsonPath("$.requests[0].attempts[0].provider").value("fast"))
                .andExpect(jsonPath("$.requests[0].attempts[0].costUsd").value("0.030000000"))
                .andExpect(jsonPath("$.requests[1].tags.feature").value("search"));

        mvc.perform(get("/v1/requests").param("model", "f1").param("limit", "1"))
                .andExpect(jsonPath("$.requests.length()").value(1))
                .andExpect(jsonPath("$.requests[0].requestId").value("a4"));

        mvc.perform(get("/v1/requests").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value("limit is 0 (expected 1 to 500)"));
    }

    @Test
    void reportsLatencyPercentilesAndErrorRatePerProviderModel() throws Exception {
        for (int i = 1; i <= 4; i++) {
            ledger.record(completion("l" + i).at("2031-03-04T10:00:0" + i + "Z")
                    .servedBy("acme", "m1", TokenUsage.of(10, 10)).latency(100L * i + 5, 10L * i + 5).build());
        }
        // one acme failure that fell back to fast
        ledger.record(completion("l5").at("2031-03-04T11:00:00Z").attemptBefore("acme", "m1", "FAILED", null, 50)
                .servedBy("fast", "f1", TokenUsage.of(10, 10)).latency(305, 105).build());

        mvc.perform(get("/v1/latency").param("from", "2031-03-04").param("to", "2031-03-04"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.models.length()").value(2))
                .andExpect(jsonPath("$.models[0].provider").value("acme"))
                .andExpect(jsonPath("$.models[0].model").value("m1"))
                .andExpect(jsonPath("$.models[0].count").value(5))
                .andExpect(jsonPath("$.models[0].errors").value(1))
                .andExpect(jsonPath("$.models[0].errorRate").value(closeTo(0.2, 1e-9)))
                // attempt latencies 100, 200, 300, 400: interpolated p50 250, p95 385
                .andExpect(jsonPath("$.models[0].p50LatencyMs").value(closeTo(250.0, 1e-9)))
                .andExpect(jsonPath("$.models[0].p95LatencyMs").value(closeTo(385.0, 1e-9)))
                .andExpect(jsonPath("$.models[0].p50FirstTokenMs").value(closeTo(25.0, 1e-9)))
                .andExpect(jsonPath("$.models[1].provider").value("fast"))
                .andExpect(jsonPath("$.models[1].errors").value(0));
    }

    @Test
    void setsReadsAndRemovesAPriceOverride() throws Exception {
        mvc.perform(get("/v1/prices/openai/gpt-4o-mini"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("catalog"))
                .andExpect(jsonPath("$.listedAs").value("openai/gpt-4o-mini"));

        price("openrouter", "meta-llama/llama-4-scout", """
                {"inputPerMtok":"0.08","outputPerMtok":0.30,"cachedInputPerMtok":"0.02"}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.model").value("meta-llama/llama-4-scout"))
                .andExpect(jsonPath("$.outputPerMtok").value("0.3"));

        mvc.perform(get("/v1/prices/openrouter/meta-llama/llama-4-scout"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("override"))
                .andExpect(jsonPath("$.inputPerMtok").value("0.08"))
                .andExpect(jsonPath("$.cachedInputPerMtok").value("0.02"))
                .andExpect(jsonPath("$.cacheWritePerMtok").value(nullValue()))
                .andExpect(jsonPath("$.updatedAt").isNotEmpty());

        mvc.perform(delete("/v1/prices/openrouter/meta-llama/llama-4-scout")).andExpect(status().isNoContent());
        mvc.perform(delete("/v1/prices/openrouter/meta-llama/llama-4-scout")).andExpect(status().isNotFound());
    }

    @Test
    void refusesAnUnknownPriceOrAnInvalidOne() throws Exception {
        mvc.perform(get("/v1/prices/nowhere/no-such-model-anywhere"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.message").value(containsString("no price for provider 'nowhere'")));
        price("acme", "m1", "{\"inputPerMtok\":\"-1\",\"outputPerMtok\":\"2\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value("'inputPerMtok' is -1 (expected >= 0)"));
        price("acme", "m1", "{\"inputPerMtok\":\"1\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(containsString("'outputPerMtok' is missing")));
        price("acme", "m1", "{\"inputPerMtok\":\"cheap\",\"outputPerMtok\":\"2\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.message").value(containsString("request body is not the expected JSON")));
    }

    private org.springframework.test.web.servlet.ResultActions price(String provider, String model, String body)
            throws Exception {
        return mvc.perform(put("/v1/prices/" + provider + "/" + model).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }
}
