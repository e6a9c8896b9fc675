package dev.switchboard.policy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.policy.PolicyServiceTestBase;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.json.JsonMapper;

class TenantIsolationIT extends PolicyServiceTestBase {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private String keyOfB;
    private String keyOfA;

    @BeforeEach
    void twoTeams() throws Exception {
        for (String team : new String[] {"team-a", "team-b"}) {
            mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"" + team + "\",\"models\":[\"m1\",\"m2\"],"
                    + "\"budgets\":[{\"limit\":100,\"period\":\"MONTHLY\"}]}")).andExpect(status().isCreated());
        }
        keyOfA = keyId("team-a");
        keyOfB = keyId("team-b");
    }

    @Test
    void teamAdminCannotSeeOrTouchAnotherTeamsKeys() throws Exception {
        Principal adminA = teamAdmin("team-a");

        mvc.perform(get(adminA, "/admin/v1/teams/team-b/keys")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.type").value("not_found_error"));
        mvc.perform(get(adminA, "/admin/v1/keys/" + keyOfB)).andExpect(status().isNotFound());
        mvc.perform(put(adminA, "/admin/v1/keys/" + keyOfB, "{}")).andExpect(status().isNotFound());
        mvc.perform(post(adminA, "/admin/v1/keys/" + keyOfB + "/revoke", "")).andExpect(status().isNotFound());
        mvc.perform(post(adminA, "/admin/v1/teams/team-b/keys", "{\"name\":\"sneaky\"}"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT revoked_at IS NULL FROM keys WHERE id = ?").param(keyOfB)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void teamAdminCannotReadAnotherTeamsBudgetsOrListIt() throws Exception {
        Principal adminA = teamAdmin("team-a");

        mvc.perform(get(adminA, "/admin/v1/teams/team-b")).andExpect(status().isNotFound());
        mvc.perform(get(adminA, "/admin/v1/teams/nonexistent")).andExpect(status().isNotFound());
        mvc.perform(get(adminA, "/admin/v1/teams")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value("team-a"))
                .andExpect(jsonPath("$[0].budgets[0].period").value("MONTHLY"));
    }

    @Test
    void teamAdminManagesOwnKeysButNotOwnTeam() throws Exception {
        Principal adminA = teamAdmin("team-a");

        mvc.perform(post(adminA, "/admin/v1/teams/team-a/keys", "{\"name\":\"mine\",\"models\":[\"m1\"]}"))
                .andExpect(status().isCreated());
        mvc.perform(post(adminA, "/admin/v1/teams/team-a/keys", "{\"name\":\"wide\",\"models\":[\"m3\"]}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(adminA, "/admin/v1/teams/team-a/keys", "{\"name\":\"boss\",\"roles\":[\"platform-admin\"]}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(adminA, "/admin/v1/keys/" + keyOfA, "{\"models\":[\"m2\"]}")).andExpect(status().isOk());
        mvc.perform(post(adminA, "/admin/v1/keys/" + keyOfA + "/revoke", "")).andExpect(status().isOk());
        mvc.perform(put(adminA, "/admin/v1/teams/team-a", "{\"models\":[]}")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.error.type").value("permission_error"));
        mvc.perform(delete(adminA, "/admin/v1/teams/team-a")).andExpect(status().isForbidden());
        mvc.perform(post(adminA, "/admin/v1/teams", "{\"name\":\"team-c\"}")).andExpect(status().isForbidden());
        mvc.perform(get(adminA, "/admin/v1/users")).andExpect(status().isForbidden());
        mvc.perform(get(adminA, "/admin/v1/credentials")).andExpect(status().isForbidden());
    }

    @Test
    void viewerReadsOwnTeamOnly() throws Exception {
        Principal viewerA = viewer("team-a");

        mvc.perform(get(viewerA, "/admin/v1/teams/team-a")).andExpect(status().isOk());
        mvc.perform(get(viewerA, "/admin/v1/teams/team-a/keys")).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(get(viewerA, "/admin/v1/keys/" + keyOfA)).andExpect(status().isOk());
        mvc.perform(get(viewerA, "/admin/v1/teams/team-b")).andExpect(status().isNotFound());
        mvc.perform(post(viewerA, "/admin/v1/teams/team-a/keys", "{\"name\":\"v\"}")).andExpect(status().isForbidden());
        mvc.perform(put(viewerA, "/admin/v1/keys/" + keyOfA, "{}")).andExpect(status().isForbidden());
        mvc.perform(post(viewerA, "/admin/v1/keys/" + keyOfA + "/revoke", "")).andExpect(status().isForbidden());
        mvc.perform(put(viewerA, "/admin/v1/provider-policies/openai", "{\"trainsOnData\":false}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void callersWithoutAValidSignedPrincipalAreUnauthenticated() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/admin/v1/teams")).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.error.type").value("authentication_error"));
        String forged = new SignedPrincipal("some-other-secret-0123456789", Clock.systemUTC()).sign(platformAdmin());
        mvc.perform(MockMvcRequestBuilders.get("/admin/v1/teams").header(SignedPrincipal.HEADER, forged))
                .andExpect(status().isUnauthorized());
        mvc.perform(MockMvcRequestBuilders.get("/internal/v1/policy/snapshot")).andExpect(status().isUnauthorized());
    }

    @Test
    void modelOnlyKeysHaveNoAdminAccess() throws Exception {
        mvc.perform(get(new Principal("app-key"), "/admin/v1/teams")).andExpect(status().isForbidden());
        mvc.perform(get(teamAdmin("team-a"), "/internal/v1/policy/snapshot")).andExpect(status().isForbidden());
    }

    private String keyId(String team) throws Exception {
        String body = mvc.perform(post(platformAdmin(), "/admin/v1/teams/" + team + "/keys", "{\"name\":\"k\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(body).path("details").path("id").asString();
    }
}
