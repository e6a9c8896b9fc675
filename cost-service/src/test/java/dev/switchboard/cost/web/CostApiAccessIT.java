package dev.switchboard.cost.web;

import static dev.switchboard.cost.TestEvents.completion;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.cost.CostServiceTestBase;
import dev.switchboard.cost.ingest.CompletionLedger;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** The cost API's door: signed principals only, and a team sees only its own spend and request log. */
class CostApiAccessIT extends CostServiceTestBase {

    @Autowired
    MockMvc mvc;

    @Autowired
    CompletionLedger ledger;

    private static String as(String role, String team) {
        return signed(new Principal("token:someone", team, "someone", Set.of(role)));
    }

    private void seed() {
        jdbc.sql("INSERT INTO price_overrides VALUES ('acme', 'm1', 1, 2, NULL, NULL, now())").update();
        ledger.record(completion("pay-1").at("2031-05-01T10:00:00Z").key("checkout").team("payments")
                .servedBy("acme", "m1", TokenUsage.of(1000, 500)).build());
        ledger.record(completion("res-1").at("2031-05-01T11:00:00Z").key("lab").team("research")
                .servedBy("acme", "m1", TokenUsage.of(2000, 0)).build());
    }

    @Test
    void aTeamSeesOnlyItsOwnSpendAndRequests() throws Exception {
        seed();
        String payments = as(Roles.VIEWER, "payments");
        mvc.perform(get("/v1/spend").param("from", "2031-05-01").param("to", "2031-05-01").param("groupBy", "team")
                        .header(SignedPrincipal.HEADER, payments))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.groups.length()").value(1))
                .andExpect(jsonPath("$.groups[0].group").value("payments"))
                .andExpect(jsonPath("$.total.costUsd").value("0.002"));
        mvc.perform(get("/v1/requests").header(SignedPrincipal.HEADER, payments))
                .andExpect(jsonPath("$.requests.length()").value(1))
                .andExpect(jsonPath("$.requests[0].requestId").value("pay-1"));
        mvc.perform(get("/v1/requests/res-1").header(SignedPrincipal.HEADER, payments))
                .andExpect(status().isNotFound());
        mvc.perform(get("/v1/spend").param("from", "2031-05-01").param("to", "2031-05-01").param("groupBy", "team"))
                .andExpect(jsonPath("$.groups.length()").value(2));
    }

    @Test
    void strangersAndTeamRolesCannotChangePrices() throws Exception {
        mvc.perform(get("/v1/spend").header(SignedPrincipal.HEADER, "v2.forged"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.code").value("unauthenticated"));
        mvc.perform(get("/v1/spend").header(SignedPrincipal.HEADER, signed(new Principal("app"))))
                .andExpect(status().isForbidden());
        mvc.perform(put("/v1/prices/acme/m1").header(SignedPrincipal.HEADER, as(Roles.TEAM_ADMIN, "payments"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"inputPerMtok\":\"0\",\"outputPerMtok\":\"0\"}"))
                .andExpect(status().isForbidden());
    }
}
