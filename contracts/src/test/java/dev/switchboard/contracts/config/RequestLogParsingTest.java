package dev.switchboard.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.policy.RequestLogPolicy;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestLogParsingTest {

    private final ConfigParser parser = new ConfigParser(Map.<String, String>of()::get, Set.of("mock"));

    private static final String HEAD = """
            providers:
              mock: { kind: mock }
            models:
              echo: mock/echo
            """;

    @Test
    void readsATeamsRequestLogWithItsRetentionDefaultingToThirtyDays() {
        var config = parser.parse(HEAD + """
                teams:
                  - name: support
                    request-log: { bodies: true, retention-days: 7 }
                  - name: research
                    request-log: { bodies: true }
                  - name: payments
                    request-log: { bodies: false }
                  - name: ops
                """, "switchboard.yaml");

        assertThat(config.teams().get("support").requestLog()).isEqualTo(RequestLogPolicy.bodiesFor(7));
        assertThat(config.teams().get("research").requestLog()).isEqualTo(RequestLogPolicy.bodiesFor(30));
        assertThat(config.teams().get("payments").requestLog()).isEqualTo(RequestLogPolicy.NONE);
        assertThat(config.teams().get("ops").requestLog()).isEqualTo(RequestLogPolicy.NONE);
    }

    @Test
    void reportsRetentionOutOfRangeAndUnknownKeys() {
        assertThatThrownBy(() -> parser.parse(HEAD + """
                teams:
                  - name: a
                    request-log: { bodies: true, retention-days: 0 }
                  - name: b
                    request-log: { bodies: yes please, retention-days: 3651 }
                  - name: c
                    request-log: { bodies: true, keep: forever }
                  - name: d
                    request-log: { retention-days: 5 }
                """, "switchboard.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "teams[0].request-log.retention-days: expected a whole number of days from 1 to 3650, got '0'",
                        "teams[1].request-log.bodies: expected true or false, got 'yes please'",
                        "teams[1].request-log.retention-days: retention applies to kept bodies only (set bodies: true"
                                + " or remove it)",
                        "teams[2].request-log.keep: unknown key (expected one of: bodies, retention-days)",
                        "teams[3].request-log.retention-days: retention applies to kept bodies only (set bodies: true"
                                + " or remove it)"));
    }

    @Test
    void aPolicyWithBodiesNeedsARetentionAndOneWithoutHasNone() {
        assertThatThrownBy(() -> new RequestLogPolicy(true, 0)).hasMessageContaining("1 to 3650 days");
        assertThatThrownBy(() -> new RequestLogPolicy(false, 30)).hasMessageContaining("no retention");
    }
}
