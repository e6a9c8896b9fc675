package dev.switchboard.cost.pricing;

import static dev.switchboard.cost.TestEvents.completion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.cost.CostServiceTestBase;
import dev.switchboard.cost.ingest.CompletionLedger;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The refresh configured in CostServiceTestBase (a LiteLLM file), through the API and the ledger. */
class PriceCatalogRefreshIT extends CostServiceTestBase {

    private static final String MODEL = "switchboard-it/refreshed-model";

    @Autowired
    MockMvc mvc;

    @Autowired
    CompletionLedger ledger;

    @Test
    void refreshesOnDemandAndAnswersTheCounts() throws Exception {
        mvc.perform(post("/v1/prices/refresh"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.loaded").value(1))
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.ignored").value(1))
                .andExpect(jsonPath("$.source").value(endsWith("refresh-it-litellm.json (litellm)")))
                .andExpect(jsonPath("$.asOf").isNotEmpty());
    }

    @Test
    void quotesRefreshedPricesBetweenOverridesAndTheBuiltInCatalog() throws Exception {
        mvc.perform(post("/v1/prices/refresh")).andExpect(status().isOk());

        mvc.perform(get("/v1/prices/deepinfra/" + MODEL))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("refreshed"))
                .andExpect(jsonPath("$.listedAs").value("deepinfra/" + MODEL))
                .andExpect(jsonPath("$.inputPerMtok").value("2.5"))
                .andExpect(jsonPath("$.outputPerMtok").value("10"))
                .andExpect(jsonPath("$.cachedInputPerMtok").value("0.125"));
        mvc.perform(get("/v1/prices/openai/gpt-4o-mini"))
                .andExpect(jsonPath("$.source").value("catalog"));

        mvc.perform(put("/v1/prices/deepinfra/" + MODEL).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"inputPerMtok\":\"1\",\"outputPerMtok\":\"2\"}"))
                .andExpect(status().isOk());
        mvc.perform(get("/v1/prices/deepinfra/" + MODEL))
                .andExpect(jsonPath("$.source").value("override"))
                .andExpect(jsonPath("$.inputPerMtok").value("1"));
        mvc.perform(delete("/v1/prices/deepinfra/" + MODEL)).andExpect(status().isNoContent());
        mvc.perform(get("/v1/prices/deepinfra/" + MODEL))
                .andExpect(jsonPath("$.source").value("refreshed"));
    }

    @Test
    void chargesCachedInputAtTheRefreshedCacheReadRate() throws Exception {
        mvc.perform(post("/v1/prices/refresh")).andExpect(status().isOk());

        // 600 plain input × 2.5 + 400 cache reads × 0.125 + 300 output × 10 = 4550 USD per million tokens
        ledger.record(completion("req-refreshed").servedBy("deepinfra", MODEL, new TokenUsage(1000, 300, 400, 0, 0))
                .build());

        BigDecimal cost = jdbc.sql("SELECT cost_usd FROM completions WHERE request_id = 'req-refreshed'")
                .query(BigDecimal.class).single();
        assertThat(cost).isEqualTo(new BigDecimal("0.004550000"));
        String attempts = jdbc.sql("SELECT attempts::text FROM completions WHERE request_id = 'req-refreshed'")
                .query(String.class).single();
        assertThat(attempts).contains("\"priceSource\": \"refreshed\"");
    }
}
