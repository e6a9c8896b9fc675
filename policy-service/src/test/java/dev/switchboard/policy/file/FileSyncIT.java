package dev.switchboard.policy.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policy.PolicyServiceTestBase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import dev.switchboard.policy.keys.KeyRepository;
import dev.switchboard.policy.orgs.OrgRepository;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.providers.ProviderPolicyRepository;
import dev.switchboard.policy.routes.AliasRepository;
import dev.switchboard.policy.teams.TeamRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

class FileSyncIT extends PolicyServiceTestBase {

    private static final String BASE = """
            providers:
              mock: { kind: mock }
              eu: { kind: mistral, api-key: env:NOT_SET_ANYWHERE, data-policy: { zero-retention: true, region: eu } }
            models:
              echo: mock/echo
              lorem: mock/lorem
            teams:
              - { name: research, models: [echo], data-class: confidential, limits: { requests-per-minute: 600 },
                  budgets: [ { limit: "25.00", period: monthly, alert-at: 0.80 } ] }
            keys:
              - { name: ci, key: env:CI_KEY, team: research, budgets: [ { limit: 1.50, period: daily } ] }
              - { name: ghost, key: env:ALSO_NOT_SET }
            """;

    private final FileEnvironment environment = new FileEnvironment(Map.of("CI_KEY", "sb-ci-key-from-env")::get);
    private FileSync sync;

    @BeforeEach
    void sync(@Autowired TeamRepository teams, @Autowired KeyRepository keys,
              @Autowired ProviderPolicyRepository policies, @Autowired AliasRepository aliases,
              @Autowired OrgRepository orgs, @Autowired Outbox outbox, @Autowired PlatformTransactionManager transactions) {
        sync = new FileSync(teams, keys, policies, aliases, orgs, outbox, new TransactionTemplate(transactions),
                environment);
    }

    @Test
    void addsFileEntriesOnceAndLeavesOutKeysWhoseVariableIsUnset() {
        List<PolicyChange> first = sync.apply(parse(BASE));

        assertThat(first).extracting(PolicyChange::entityKey)
                .containsExactly("team:research", "key:file:ci", "provider-policy:eu");
        assertThat(((TeamPolicy) first.getFirst().body()).source()).isEqualTo(Source.FILE);
        assertThat(sync.apply(parse(BASE))).as("a restart with the same file").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM changes").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void changedAndRemovedEntriesBecomeChanges() {
        sync.apply(parse(BASE));

        List<PolicyChange> changes = sync.apply(parse(BASE
                .replace("models: [echo], data-class: confidential", "models: [echo, lorem]")
                .replace("  - { name: ci, key: env:CI_KEY, team: research, budgets: [ { limit: 1.50, period: daily } ] }\n",
                        "")
                .replace(", data-policy: { zero-retention: true, region: eu }", "")));

        assertThat(changes).extracting(PolicyChange::entityKey)
                .containsExactly("key:file:ci", "team:research", "provider-policy:eu");
        assertThat(changes.getFirst().body()).isNull();
        assertThat(((TeamPolicy) changes.get(1).body()).models()).isEqualTo(Set.of("echo", "lorem"));
        assertThat(changes.get(2).body()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM keys").query(Long.class).single()).isZero();
    }

    @Test
    void fileManagedEntriesAreReadOnlyThroughTheApi() throws Exception {
        sync.apply(parse(BASE));

        mvc.perform(put(platformAdmin(), "/admin/v1/teams/research", "{\"models\":[]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("managed_by_file"))
                .andExpect(jsonPath("$.error.message").value(org.hamcrest.Matchers.containsString("switchboard.yaml")));
        mvc.perform(delete(platformAdmin(), "/admin/v1/teams/research")).andExpect(status().isConflict());
        mvc.perform(post(platformAdmin(), "/admin/v1/keys/file:ci/revoke", "")).andExpect(status().isConflict());
        mvc.perform(put(platformAdmin(), "/admin/v1/provider-policies/eu", "{\"trainsOnData\":true}"))
                .andExpect(status().isConflict());
        mvc.perform(get(platformAdmin(), "/admin/v1/teams/research")).andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("FILE"));
        assertThat(jdbc.sql("SELECT count(*) FROM changes WHERE entity = 'team'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void fileAliasesAreAppliedReadOnlyAndRemovedWithTheFile() throws Exception {
        List<PolicyChange> added = sync.apply(parse(BASE + "aliases: { quick: echo }\n"));
        assertThat(added).extracting(PolicyChange::entityKey).contains("alias:quick");
        assertThat(sync.apply(parse(BASE + "aliases: { quick: echo }\n"))).as("a restart").isEmpty();

        mvc.perform(get(viewer("research"), "/admin/v1/aliases/quick")).andExpect(status().isOk())
                .andExpect(jsonPath("$.target").value("echo"))
                .andExpect(jsonPath("$.source").value("FILE"));
        mvc.perform(put(platformAdmin(), "/admin/v1/aliases/quick", "{\"target\":\"lorem\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("managed_by_file"));
        mvc.perform(delete(platformAdmin(), "/admin/v1/aliases/quick")).andExpect(status().isConflict());

        List<PolicyChange> moved = sync.apply(parse(BASE + "aliases: { quick: lorem }\n"));
        assertThat(moved).extracting(PolicyChange::entityKey).containsExactly("alias:quick");
        List<PolicyChange> removed = sync.apply(parse(BASE));
        assertThat(removed).extracting(PolicyChange::entityKey).containsExactly("alias:quick");
        assertThat(removed.getFirst().body()).isNull();
    }

    @Test
    void fileOrgsAreAppliedReadOnlyAndHandedBackWhenTheFileDropsThem() throws Exception {
        String withOrgs = BASE.replace("teams:\n", """
                orgs:
                  - { name: acme, budgets: [ { limit: "500.00", period: monthly } ] }
                  - { name: spare }
                teams:
                  - { name: rockets, org: acme }
                  - { name: widgets, org: globex }
                """);
        List<PolicyChange> added = sync.apply(parse(withOrgs));
        assertThat(added).extracting(PolicyChange::entityKey)
                .containsSubsequence("org:acme", "org:spare", "org:globex", "team:rockets");
        assertThat(((OrgPolicy) added.get(1).body()).source()).isEqualTo(Source.FILE);
        assertThat(sync.apply(parse(withOrgs))).as("a restart with the same file").isEmpty();

        mvc.perform(get(platformAdmin(), "/admin/v1/orgs/acme")).andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("FILE"))
                .andExpect(jsonPath("$.budgets[0].limit").value(500.00));
        mvc.perform(get(platformAdmin(), "/admin/v1/orgs/globex")).andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("API"))
                .andExpect(jsonPath("$.budgets.length()").value(0));
        mvc.perform(put(platformAdmin(), "/admin/v1/orgs/acme", "{\"budgets\":[]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("managed_by_file"));
        mvc.perform(delete(platformAdmin(), "/admin/v1/orgs/spare")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.code").value("managed_by_file"));

        List<PolicyChange> dropped = sync.apply(parse(BASE));
        assertThat(dropped).extracting(PolicyChange::entityKey)
                .contains("team:rockets", "team:widgets", "org:acme", "org:spare");
        assertThat(dropped).filteredOn(c -> c.entity() == Entity.ORG).allMatch(c -> c.body() == null);
        assertThat(jdbc.sql("SELECT name FROM orgs ORDER BY name").query(String.class).list())
                .as("an org the API had made stays").containsExactly("default", "globex");
    }

    @Test
    void aDroppedFileOrgThatStillHasTeamsKeepsThemWithoutBudgets() {
        String withOrg = BASE.replace("teams:\n", """
                orgs:
                  - { name: acme, budgets: [ { limit: "500.00", period: monthly } ] }
                teams:
                  - { name: rockets, org: acme }
                """);
        sync.apply(parse(withOrg));
        jdbc.sql("UPDATE teams SET source = 'API' WHERE id = 'rockets'").update();

        List<PolicyChange> dropped = sync.apply(parse(BASE));
        var acme = dropped.stream().filter(c -> c.entityKey().equals("org:acme")).findFirst().orElseThrow();
        assertThat(acme.body()).isEqualTo(new OrgPolicy("acme", "acme", List.of(), Source.API));
    }

    @Test
    void fileTeamsMayStillGetApiKeys() throws Exception {
        sync.apply(parse(BASE));

        mvc.perform(post(platformAdmin(), "/admin/v1/teams/research/keys", "{\"name\":\"notebook\"}"))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("SELECT count(*) FROM changes WHERE entity = ?").param(Entity.KEY.label())
                .query(Long.class).single()).isEqualTo(2);
    }

    private SwitchboardConfig parse(String yaml) {
        return new ConfigParser(environment, Set.of()).parse(yaml, "test");
    }
}
