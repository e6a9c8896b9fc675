package dev.switchboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenApiIT extends PolicyServiceTestBase {

    @Test
    void documentsTheAdminApi() throws Exception {
        String body = mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        JsonNode doc = JsonMapper.builder().build().readTree(body);
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Switchboard policy service");
        JsonNode paths = doc.path("paths");
        assertThat(paths.propertyNames()).contains("/admin/v1/teams", "/admin/v1/teams/{team}",
                "/admin/v1/teams/{team}/keys", "/admin/v1/keys/{id}", "/admin/v1/keys/{id}/revoke",
                "/admin/v1/credentials", "/admin/v1/credentials/{name}", "/admin/v1/credentials/reseal",
                "/admin/v1/provider-policies", "/admin/v1/data-classes", "/admin/v1/orgs", "/admin/v1/users",
                "/internal/v1/policy/snapshot");
        assertThat(paths.path("/admin/v1/teams/{team}/keys").has("post")).isTrue();
    }
}
