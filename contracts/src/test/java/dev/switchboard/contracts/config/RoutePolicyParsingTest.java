package dev.switchboard.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutePolicyParsingTest {

    private final ConfigParser parser = new ConfigParser(Map.<String, String>of()::get, Set.of("mock"));

    private static final String PROVIDERS = """
            providers:
              a: { kind: mock }
              b: { kind: mock }
            """;

    @Test
    void readsStrategiesRetriesTimeoutsRaceAndRules() {
        var config = parser.parse(PROVIDERS + """
                models:
                  plain: a/echo
                  spread:
                    strategy: weighted
                    targets: [ { provider: a, model: echo, weight: 3 }, b/echo ]
                    retry: { attempts: 3, backoff: 100ms, max-backoff: 2s, max-wait: 5s }
                    timeouts: { total: 30s, first-token: 4s, idle: 10s }
                  racing: { strategy: race, race: { width: 3 }, targets: [ a/echo, b/echo ] }
                  auto:
                    strategy: rules
                    rules:
                      - { when: { task: code, tools: true }, route: spread }
                      - { when: { metadata: { tier: free }, min-input-tokens: 1000 }, route: racing }
                    default: plain
                """, "f.yaml");

        var plain = config.models().get("plain").policy();
        assertThat(plain).isEqualTo(RoutePolicy.DEFAULT);
        var spread = config.models().get("spread");
        assertThat(spread.policy().strategy()).isEqualTo(RoutePolicy.Strategy.WEIGHTED);
        assertThat(spread.targets()).extracting(ModelRoute.Target::weight).containsExactly(3, 1);
        assertThat(spread.policy().retry()).isEqualTo(new RoutePolicy.Retry(3, Duration.ofMillis(100),
                Duration.ofSeconds(2), Duration.ofSeconds(5)));
        assertThat(spread.policy().timeouts()).isEqualTo(new RoutePolicy.Timeouts(Duration.ofSeconds(30),
                Duration.ofSeconds(4), Duration.ofSeconds(10)));
        assertThat(config.models().get("racing").policy().raceWidth()).isEqualTo(3);
        var auto = config.models().get("auto");
        assertThat(auto.targets()).isEmpty();
        assertThat(auto.policy().defaultRoute()).isEqualTo("plain");
        assertThat(auto.policy().rules()).extracting(RoutePolicy.Rule::route).containsExactly("spread", "racing");
        assertThat(auto.policy().rules().get(0).when().tools()).isTrue();
        assertThat(auto.policy().rules().get(1).when().metadata()).containsEntry("tier", "free");
        assertThat(auto.policy().rules().get(1).when().minInputTokens()).isEqualTo(1000L);
    }

    @Test
    void reportsBadPoliciesWithTheirPaths() {
        assertThatThrownBy(() -> parser.parse(PROVIDERS + """
                models:
                  x: { strategy: quickest, targets: [ a/echo ], retry: { attempts: 0 } }
                  y: { strategy: rules, rules: [ { when: { task: t }, route: nowhere } ], default: x }
                  z: { targets: [ a/echo ], default: x }
                  loop1: { strategy: rules, rules: [ { route: loop2 } ], default: x }
                  loop2: { strategy: rules, rules: [ { route: loop1 } ], default: x }
                """, "f.yaml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).contains(
                        "models.x.strategy: unknown strategy 'quickest' (expected fixed, weighted, cheapest, fastest, race or rules)",
                        "models.x.retry.attempts: expected a number from 1 to 100, got 0",
                        "models.y.rules[0].route: unknown route 'nowhere' (expected one of: loop1, loop2, x, y, z)",
                        "models.z.default: rules and default need strategy: rules")
                        .anySatisfy(p -> assertThat(p).contains("reaches itself through its rules")));
    }
}
