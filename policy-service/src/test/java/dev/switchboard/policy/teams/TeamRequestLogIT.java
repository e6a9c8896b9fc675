package dev.switchboard.policy.teams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.policy.PolicyJson;
import dev.switchboard.contracts.policy.RequestLogPolicy;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policy.PolicyServiceTestBase;
import org.junit.jupiter.api.Test;

/** A team's request log policy: taken and returned by the API, stored, published with the team and in snapshots. */
class TeamRequestLogIT extends PolicyServiceTestBase {

    @Test
    void aTeamKeepsBodiesForTheDaysItAsksAndPublishesThat() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams",
                        "{\"name\":\"helpdesk\",\"requestLog\":{\"bodies\":true,\"retentionDays\":7}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requestLog.bodies").value(true))
                .andExpect(jsonPath("$.requestLog.retentionDays").value(7));

        mvc.perform(get(platformAdmin(), "/admin/v1/teams/helpdesk"))
                .andExpect(jsonPath("$.requestLog.bodies").value(true))
                .andExpect(jsonPath("$.requestLog.retentionDays").value(7));
        assertThat(published("helpdesk").requestLog()).isEqualTo(RequestLogPolicy.bodiesFor(7));
        byte[] snapshot = mvc.perform(get(router(), "/internal/v1/policy/snapshot")).andReturn().getResponse()
                .getContentAsByteArray();
        assertThat(PolicyJson.readSnapshot(snapshot).teams()).filteredOn(t -> t.id().equals("helpdesk"))
                .singleElement().satisfies(t -> assertThat(t.requestLog()).isEqualTo(RequestLogPolicy.bodiesFor(7)));
    }

    @Test
    void retentionDefaultsToThirtyDaysAndAReplacementWithoutItKeepsNoBodies() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams", "{\"name\":\"support\",\"requestLog\":{\"bodies\":true}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.requestLog.retentionDays").value(30));

        mvc.perform(put(platformAdmin(), "/admin/v1/teams/support", "{\"models\":[]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.requestLog.bodies").value(false))
                .andExpect(jsonPath("$.requestLog.retentionDays").value(0));
        assertThat(published("support").requestLog()).isEqualTo(RequestLogPolicy.NONE);
    }

    @Test
    void refusesARetentionOutOfRange() throws Exception {
        mvc.perform(post(platformAdmin(), "/admin/v1/teams",
                        "{\"name\":\"forever\",\"requestLog\":{\"bodies\":true,\"retentionDays\":3651}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post(platformAdmin(), "/admin/v1/teams",
                        "{\"name\":\"forever\",\"requestLog\":{\"bodies\":false,\"retentionDays\":5}}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get(platformAdmin(), "/admin/v1/teams/forever")).andExpect(status().isNotFound());
    }

    /** The team as its latest outbox change carries it. */
    private TeamPolicy published(String team) {
        String body = jdbc.sql("SELECT body::text FROM changes WHERE entity_id = ? ORDER BY seq DESC LIMIT 1")
                .param(team).query(String.class).single();
        String change = "{\"v\":1,\"seq\":1,\"entity\":\"team\",\"id\":\"" + team + "\",\"body\":" + body + "}";
        return (TeamPolicy) PolicyJson.readChange(change.getBytes(java.nio.charset.StandardCharsets.UTF_8)).body();
    }
}
