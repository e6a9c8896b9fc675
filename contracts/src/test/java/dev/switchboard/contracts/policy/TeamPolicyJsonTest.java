package dev.switchboard.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TeamPolicyJsonTest {

    private static TeamPolicy team(RequestLogPolicy requestLog) {
        return new TeamPolicy("support", "default", "support", Set.of(), DataClass.INTERNAL, RateLimit.NONE, List.of(),
                Source.API, requestLog);
    }

    @Test
    void publishesTheRequestLogPolicyWithTheTeam() {
        var change = new PolicyChange(7, PolicyChange.Entity.TEAM, "support", team(RequestLogPolicy.bodiesFor(14)));

        String json = new String(PolicyJson.write(change), StandardCharsets.UTF_8);

        assertThat(json).contains("\"requestLog\":{\"bodies\":true,\"retentionDays\":14}");
        assertThat(PolicyJson.readChange(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(change);
    }

    @Test
    void readsATeamFromBeforeTheRequestLogAsMetadataOnly() {
        String json = new String(PolicyJson.write(new PolicyChange(7, PolicyChange.Entity.TEAM, "support",
                team(RequestLogPolicy.NONE))), StandardCharsets.UTF_8)
                .replace(",\"requestLog\":{\"bodies\":false,\"retentionDays\":0}", "");

        assertThat(json).doesNotContain("requestLog");
        var body = (TeamPolicy) PolicyJson.readChange(json.getBytes(StandardCharsets.UTF_8)).body();
        assertThat(body.requestLog()).isEqualTo(RequestLogPolicy.NONE);
    }
}
