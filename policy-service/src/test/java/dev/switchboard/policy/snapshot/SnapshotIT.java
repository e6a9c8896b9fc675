package dev.switchboard.policy.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.policy.CredentialSeal;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.PolicyJson;
import dev.switchboard.contracts.policy.PolicySnapshot;
import dev.switchboard.contracts.policy.PolicyView;
import dev.switchboard.policy.PolicyServiceTestBase;
import org.junit.jupiter.api.Test;

class SnapshotIT extends PolicyServiceTestBase {

    @Test
    void servesEveryEntryAsOfTheLastCommittedChange() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"ops\",\"models\":[\"echo\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(post(platformAdmin(), "/admin/v1/teams/ops/keys", "{\"name\":\"bot\"}"))
                .andExpect(status().isCreated());
        mvc.perform(put(platformAdmin(), "/admin/v1/provider-policies/openai",
                "{\"retentionDays\":0,\"trainsOnData\":false,\"zeroRetention\":true,\"region\":\"us\"}"))
                .andExpect(status().isOk());
        mvc.perform(put(platformAdmin(), "/admin/v1/credentials/openai-prod", "{\"value\":\"sk-live-123\"}"))
                .andExpect(status().isOk());
        long last = jdbc.sql("SELECT max(seq) FROM changes").query(Long.class).single();

        byte[] body = mvc.perform(get(router(), "/internal/v1/policy/snapshot")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        PolicySnapshot snapshot = PolicyJson.readSnapshot(body);
        assertThat(snapshot.seq()).isEqualTo(last);
        assertThat(snapshot.teams()).singleElement().satisfies(team -> assertThat(team.id()).isEqualTo("ops"));
        assertThat(snapshot.keys()).extracting(KeyPolicy::name).containsExactly("bot");
        assertThat(PolicyView.of(snapshot).providerPolicy("openai", "openai").zeroRetention()).isTrue();
        assertThat(snapshot.credentials()).singleElement().satisfies(credential ->
                assertThat(CredentialSeal.parse(MASTER_KEYS).open(credential.sealed())).isEqualTo("sk-live-123"));
    }

    @Test
    void platformAdminsMayReadItToo() throws Exception {
        mvc.perform(get(platformAdmin(), "/internal/v1/policy/snapshot")).andExpect(status().isOk());
        mvc.perform(get(viewer("ops"), "/internal/v1/policy/snapshot")).andExpect(status().isForbidden());
    }
}
