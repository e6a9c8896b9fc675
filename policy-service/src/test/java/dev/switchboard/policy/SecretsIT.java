package dev.switchboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.identity.Principal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class SecretsIT extends PolicyServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CREDENTIAL = "sk-proj-VERY-SECRET-credential-value-42";

    @Test
    void neitherKeysNorCredentialsEverAppearInLogsOrReads(CapturedOutput output) throws Exception {
        Principal admin = platformAdmin();
        mvc.perform(post(admin, "/admin/v1/teams", "{\"name\":\"secretive\"}")).andExpect(status().isCreated());
        String created = mvc.perform(post(admin, "/admin/v1/teams/secretive/keys", "{\"name\":\"hidden\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String key = JSON.readTree(created).path("key").asString();
        String keyId = JSON.readTree(created).path("details").path("id").asString();
        String put = mvc.perform(put(admin, "/admin/v1/credentials/openai", "{\"value\":\"" + CREDENTIAL + "\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(put(admin, "/admin/v1/credentials/bad name!", "{\"value\":\"" + CREDENTIAL + "\"}"))
                .andExpect(status().isBadRequest());
        String sealed = jdbc.sql("SELECT sealed FROM credentials").query(String.class).single();

        List<String> reads = new ArrayList<>(List.of(put));
        for (String path : List.of("/admin/v1/teams", "/admin/v1/teams/secretive", "/admin/v1/teams/secretive/keys",
                "/admin/v1/keys", "/admin/v1/keys/" + keyId, "/admin/v1/credentials", "/admin/v1/provider-policies",
                "/admin/v1/users", "/admin/v1/orgs", "/admin/v1/data-classes")) {
            reads.add(mvc.perform(get(admin, path)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString());
        }

        assertThat(created).contains(key);
        assertThat(String.join("\n", reads)).doesNotContain(key, CREDENTIAL, sealed, sealed.substring(6, 30));
        assertThat(output.getAll()).as("the audit lines are captured, without secrets")
                .contains("key 'hidden' (" + key.substring(0, 11) + ", id " + keyId + ") issued",
                        "credential 'openai' set")
                .doesNotContain(key, CREDENTIAL, sealed, sealed.substring(6, 30));
    }
}
