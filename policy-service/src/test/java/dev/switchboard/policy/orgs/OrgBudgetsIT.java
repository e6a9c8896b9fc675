package dev.switchboard.policy.orgs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.PolicyJson;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.PolicyServiceTestBase;
import dev.switchboard.policy.store.Jsonb;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgBudgetsIT extends PolicyServiceTestBase {

    private static final String MONTHLY = "{\"budgets\":[{\"limit\":\"100.00\",\"period\":\"monthly\",\"alertAt\":0.8}]}";

    @Test
    void putCreatesAndReplacesAnOrgAndEachChangeIsRecordedForThePublisher() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/orgs/acme", MONTHLY)).andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("acme"))
                .andExpect(jsonPath("$.budgets[0].period").value("MONTHLY"))
                .andExpect(jsonPath("$.source").value("API"));
        mvc.perform(put(platformAdmin(), "/admin/v1/orgs/acme",
                        "{\"name\":\"acme\",\"budgets\":[{\"limit\":5,\"period\":\"daily\"}]}"))
                .andExpect(status().isOk());
        mvc.perform(get(platformAdmin(), "/admin/v1/orgs/acme")).andExpect(status().isOk())
                .andExpect(jsonPath("$.budgets.length()").value(1))
                .andExpect(jsonPath("$.budgets[0].period").value("DAILY"));

        List<String> bodies = jdbc.sql("SELECT body::text FROM changes WHERE entity = ? AND entity_id = 'acme' "
                + "ORDER BY seq").param(Entity.ORG.label()).query(String.class).list();
        assertThat(bodies).hasSize(2);
        OrgPolicy latest = Jsonb.read(bodies.get(1), OrgPolicy.class);
        assertThat(latest).isEqualTo(new OrgPolicy("acme", "acme",
                List.of(new Budget(new BigDecimal("5"), Budget.Period.DAILY, null)), Source.API));
    }

    @Test
    void theSnapshotCarriesOrgsWithTheirBudgets() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/orgs/acme", MONTHLY)).andExpect(status().isOk());
        byte[] body = mvc.perform(get(router(), "/internal/v1/policy/snapshot")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        var snapshot = PolicyJson.readSnapshot(body);
        assertThat(snapshot.orgs()).extracting(OrgPolicy::id).containsExactly("acme", "default");
        var acme = snapshot.orgs().getFirst();
        assertThat(acme.budgets()).extracting(Budget::limit).containsExactly(new BigDecimal("100.00"));
        assertThat(acme.budgets().getFirst().alertAt()).isEqualByComparingTo("0.8");
        assertThat(snapshot.orgs().get(1).source()).isEqualTo(Source.BUILT_IN);
    }

    @Test
    void anOrgWithTeamsIsNotDeletedAndADeletionIsRecordedWithoutABody() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/orgs", "{\"name\":\"acme\"}")).andExpect(status().isCreated());
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"rockets\",\"org\":\"acme\"}"))
                .andExpect(status().isCreated());
        mvc.perform(delete(platformAdmin(), "/admin/v1/orgs/acme")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("org_has_teams"));
        mvc.perform(delete(platformAdmin(), "/admin/v1/orgs/default")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("built_in"));

        mvc.perform(delete(platformAdmin(), "/admin/v1/teams/rockets")).andExpect(status().isNoContent());
        mvc.perform(delete(platformAdmin(), "/admin/v1/orgs/acme")).andExpect(status().isNoContent());
        mvc.perform(get(platformAdmin(), "/admin/v1/orgs/acme")).andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT body IS NULL FROM changes WHERE entity = 'org' ORDER BY seq DESC LIMIT 1")
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM changes WHERE entity = 'org'").query(Long.class).single())
                .as("created, then deleted").isEqualTo(2);
    }

    @Test
    void badBodiesAndOtherRolesAreRefused() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/orgs/acme", "{\"name\":\"globex\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("name_mismatch"));
        mvc.perform(put(platformAdmin(), "/admin/v1/orgs/acme",
                        "{\"budgets\":[{\"limit\":1,\"period\":\"daily\"},{\"limit\":2,\"period\":\"daily\"}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("duplicate_budget"));
        mvc.perform(put(platformAdmin(), "/admin/v1/orgs/Acme", "{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.error.code").value("invalid_name"));
        mvc.perform(put(teamAdmin("t"), "/admin/v1/orgs/acme", MONTHLY)).andExpect(status().isForbidden());
        mvc.perform(get(teamAdmin("t"), "/admin/v1/orgs/default")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM changes").query(Long.class).single()).isZero();
    }
}
