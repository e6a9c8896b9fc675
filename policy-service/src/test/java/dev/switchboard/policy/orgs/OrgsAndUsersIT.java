package dev.switchboard.policy.orgs;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.policy.PolicyServiceTestBase;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OrgsAndUsersIT extends PolicyServiceTestBase {

    @Test
    void teamsBelongToAnExistingOrg() throws Exception {
        mvc.perform(get(platformAdmin(), "/admin/v1/orgs")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("default"));
        mvc.perform(post(platformAdmin(), "/admin/v1/orgs", "{\"name\":\"acme\"}")).andExpect(status().isCreated());
        mvc.perform(post(platformAdmin(), "/admin/v1/orgs", "{\"name\":\"acme\"}")).andExpect(status().isConflict());

        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"rockets\",\"org\":\"acme\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.org").value("acme"));
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"lost\",\"org\":\"nowhere\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value("unknown_org"));
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"rockets\"}")).andExpect(status().isConflict());
        mvc.perform(post(teamAdmin("rockets"), "/admin/v1/orgs", "{\"name\":\"mine\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void onlyPlatformAdminsManageUsers() throws Exception {
        String body = mvc.perform(post(platformAdmin(), "/admin/v1/users",
                        "{\"username\":\"ada\",\"email\":\"ada@example.com\",\"team\":\"t\",\"roles\":[\"team-admin\"]}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonMapper.builder().build().readTree(body).path("id").asString();

        mvc.perform(post(platformAdmin(), "/admin/v1/users", "{\"username\":\"ada\"}")).andExpect(status().isConflict());
        mvc.perform(post(platformAdmin(), "/admin/v1/users", "{\"username\":\"bob\",\"roles\":[\"god\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(platformAdmin(), "/admin/v1/users")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].roles[0]").value("team-admin"));
        mvc.perform(get(teamAdmin("t"), "/admin/v1/users")).andExpect(status().isForbidden());
        mvc.perform(delete(platformAdmin(), "/admin/v1/users/" + id)).andExpect(status().isNoContent());
        mvc.perform(delete(platformAdmin(), "/admin/v1/users/" + id)).andExpect(status().isNotFound());
    }
}
