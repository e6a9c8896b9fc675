package dev.switchboard.policy.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.policy.CredentialSeal;
import dev.switchboard.policy.PolicyServiceTestBase;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CredentialsIT extends PolicyServiceTestBase {

    @Test
    void storesOnlyASealUnderTheActiveMasterKey() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/credentials/anthropic", "{\"value\":\"sk-ant-secret\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("anthropic"))
                .andExpect(jsonPath("$.source").value("API"));

        String sealed = jdbc.sql("SELECT sealed FROM credentials WHERE name = 'anthropic'").query(String.class).single();
        assertThat(sealed).startsWith("v1.k2.").doesNotContain("sk-ant-secret");
        assertThat(CredentialSeal.parse(MASTER_KEYS).open(sealed)).isEqualTo("sk-ant-secret");
    }

    @Test
    void resealsStaleCredentialsUnderTheActiveKey() throws Exception {
        String old = CredentialSeal.parse(OLD_KEY).seal("sk-rotated");
        jdbc.sql("INSERT INTO credentials (name, sealed, updated_at, source) VALUES ('legacy', ?, ?, 'API')")
                .params(old, Timestamp.from(Instant.now())).update();
        mvc.perform(put(platformAdmin(), "/admin/v1/credentials/fresh", "{\"value\":\"sk-fresh\"}"))
                .andExpect(status().isOk());

        mvc.perform(post(platformAdmin(), "/admin/v1/credentials/reseal", ""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resealed").value(1))
                .andExpect(jsonPath("$.unreadable.length()").value(0));

        String renewed = jdbc.sql("SELECT sealed FROM credentials WHERE name = 'legacy'").query(String.class).single();
        CredentialSeal ring = CredentialSeal.parse(MASTER_KEYS);
        assertThat(ring.isStale(renewed)).isFalse();
        assertThat(ring.open(renewed)).isEqualTo("sk-rotated");
        assertThat(jdbc.sql("SELECT count(*) FROM changes WHERE entity = 'credential' AND entity_id = 'legacy'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deletesACredentialAndRecordsTheRemoval() throws Exception {
        mvc.perform(put(platformAdmin(), "/admin/v1/credentials/gone", "{\"value\":\"x-1\"}")).andExpect(status().isOk());
        mvc.perform(delete(platformAdmin(), "/admin/v1/credentials/gone")).andExpect(status().isNoContent());
        mvc.perform(delete(platformAdmin(), "/admin/v1/credentials/gone")).andExpect(status().isNotFound());

        assertThat(jdbc.sql("SELECT body IS NULL FROM changes WHERE entity_id = 'gone' ORDER BY seq DESC LIMIT 1")
                .query(Boolean.class).single()).isTrue();
    }
}
