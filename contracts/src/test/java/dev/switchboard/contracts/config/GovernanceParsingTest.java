package dev.switchboard.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.FilePolicy;
import dev.switchboard.contracts.policy.RateLimit;
import dev.switchboard.contracts.policy.Source;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GovernanceParsingTest {

    private final ConfigParser parser = new ConfigParser(Map.of("APP_KEY", "sb-app-secret")::get, Set.of("mock", "openai"));

    private static final String HEAD = """
            providers:
              mock: { kind: mock }
              openai-zdr:
                kind: openai
                api-key: credential:openai-prod
                data-policy: { retention-days: 0, trains-on-data: false, zero-retention: true, region: us }
            models:
              echo: mock/echo
              lorem: mock/lorem
            """;

    @Test
    void readsOrgsWithTheirBudgetsAsFileEntries() {
        var config = parser.parse(HEAD + """
                orgs:
                  - { name: acme, budgets: [ { limit: "100.00", period: monthly, alert-at: 0.9 } ] }
                teams:
                  - { name: payments, org: acme }
                  - { name: research, org: elsewhere }
                """, "switchboard.yaml");

        var acme = config.orgs().get("acme");
        assertThat(acme.budgets()).extracting(Budget::name).containsExactly("monthly");
        assertThat(acme.source()).isEqualTo(Source.FILE);
        assertThat(config.orgs()).as("a team may name an org the file does not declare").doesNotContainKey("elsewhere");
        assertThat(FilePolicy.of(config).orgs()).containsExactly(acme);
    }

    @Test
    void rejectsBadOrgsWithTheirPaths() {
        assertThatThrownBy(() -> parser.parse(HEAD + """
                orgs:
                  - { name: Acme }
                  - { name: acme, budgets: [ { limit: "1", period: yearly } ], owner: bob }
                  - { name: acme }
                """, "switchboard.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("orgs[0].name: org names are lower-case letters")
                .hasMessageContaining("orgs[1].budgets[0].period: unknown period 'yearly'")
                .hasMessageContaining("orgs[1].owner: unknown key")
                .hasMessageContaining("orgs[2]: duplicate org name 'acme'");
    }

    @Test
    void readsTeamsKeysGovernanceAndProviderDataPolicies() {
        var config = parser.parse(HEAD + """
                teams:
                  - name: payments
                    org: acme
                    models: [echo]
                    data-class: confidential
                    limits: { requests-per-minute: 600, tokens-per-minute: 200000 }
                  - name: research
                keys:
                  - name: app
                    key: env:APP_KEY
                    team: payments
                    data-class: CONFIDENTIAL
                    limits: { requests-per-minute: 60 }
                    roles: [team-admin]
                """, "switchboard.yaml");

        var payments = config.teams().get("payments");
        assertThat(payments.org()).isEqualTo("acme");
        assertThat(payments.models()).containsExactly("echo");
        assertThat(payments.dataClass()).isEqualTo(DataClass.CONFIDENTIAL);
        assertThat(payments.limits()).isEqualTo(new RateLimit(600L, 200_000L));
        assertThat(config.teams().get("research").dataClass()).as("default").isEqualTo(DataClass.INTERNAL);
        assertThat(config.teams().get("research").org()).isEqualTo("default");

        KeyConfig key = config.keyByHash(ConfigParser.sha256("sb-app-secret")).orElseThrow();
        assertThat(key.team()).isEqualTo("payments");
        assertThat(key.dataClass()).isEqualTo(DataClass.CONFIDENTIAL);
        assertThat(key.limits()).isEqualTo(new RateLimit(60L, null));
        assertThat(key.roles()).containsExactly(Roles.TEAM_ADMIN);

        var provider = config.providers().get("openai-zdr");
        assertThat(provider.credential()).isEqualTo("openai-prod");
        assertThat(provider.apiKey()).isNull();
        assertThat(provider.dataPolicy().maxDataClass()).isEqualTo(DataClass.CONFIDENTIAL);

        var file = FilePolicy.of(config);
        assertThat(file.teams()).hasSize(2).allMatch(team -> team.source() == Source.FILE);
        assertThat(file.keys()).singleElement().satisfies(k -> {
            assertThat(k.id()).isEqualTo("file:app");
            assertThat(k.sha256Hex()).isEqualTo(ConfigParser.sha256("sb-app-secret"));
            assertThat(k.prefix()).doesNotContain("sb-app-secret");
            assertThat(k.team()).isEqualTo("payments");
        });
        assertThat(file.providerPolicies()).extracting(p -> p.provider()).containsExactly("openai-zdr");
    }

    @Test
    void reportsEveryGovernanceProblem() {
        assertThatThrownBy(() -> parser.parse(HEAD + """
                teams:
                  - name: Payments Team
                    data-class: secret
                  - name: ops
                    models: [echo]
                    limits: { requests-per-minute: many }
                keys:
                  - name: app
                    key: env:APP_KEY
                    team: nowhere
                    roles: [root]
                  - name: b
                    key-sha256: "%s"
                    team: ops
                    models: [lorem]
                  - name: "token:x"
                    key-sha256: "%s"
                """.formatted("a".repeat(64), "b".repeat(64)), "switchboard.yaml"))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).containsExactlyInAnyOrder(
                        "teams[0].name: team names are lower-case letters, digits, '.', '_' and '-' (got 'Payments Team')",
                        "teams[0].data-class: unknown data class 'secret' (expected public, internal or confidential)",
                        "teams[1].limits.requests-per-minute: expected a whole number of at least 0, got 'many'",
                        "keys[0].team: unknown team 'nowhere' (not under teams:)",
                        "keys[0].roles[0]: unknown role 'root' (expected platform-admin, team-admin or viewer)",
                        "keys[1].team: the key allows model 'lorem', which its team 'ops' does not",
                        "keys[2].name: key names may not start with 'token:' (the edge names token callers so)"));
    }
}
