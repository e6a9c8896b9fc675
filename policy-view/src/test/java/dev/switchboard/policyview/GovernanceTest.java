package dev.switchboard.policyview;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.policy.CredentialSeal;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.ProviderDataPolicy;
import dev.switchboard.contracts.policy.RouteDefinition;
import dev.switchboard.contracts.policy.SealedCredential;
import dev.switchboard.contracts.policy.Source;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceTest {

    @TempDir
    Path dir;

    private ConfigFile file(String yaml) throws Exception {
        Path path = dir.resolve("switchboard.yaml");
        Files.writeString(path, yaml);
        return new ConfigFile(path, new ConfigParser(Map.of("APP_KEY", "sb-file-key")::get, Set.of()), c -> c);
    }

    @Test
    void fileEntriesComeFirstThenThePolicyServicesView() throws Exception {
        var config = file("""
                providers:
                  mock: { kind: mock }
                  openai: { kind: openai, base-url: "http://127.0.0.1:1" }
                  zdr:
                    kind: openai
                    base-url: "http://127.0.0.1:1"
                    data-policy: { zero-retention: true }
                models:
                  echo: mock/echo
                teams:
                  - name: payments
                    data-class: confidential
                keys:
                  - { name: app, key: env:APP_KEY, team: payments }
                """);
        String ring = CredentialSeal.newKeyEntry("k1");
        var remote = RemotePolicy.none();
        var governance = new Governance(config, remote, CredentialSeal.parse(ring));
        remote.apply(List.of(PolicyChange.of(1, RemotePolicyTest.key("key_1", "h-issued")),
                PolicyChange.of(2, new ProviderDataPolicy("openai", 0, false, true, "us", Source.API)),
                PolicyChange.of(3, new SealedCredential("openai-prod", CredentialSeal.parse(ring).seal("sk-upstream"),
                        Instant.now(), Source.API))));

        var fileKey = governance.keyByHash(ConfigParser.sha256("sb-file-key")).orElseThrow();
        assertThat(Governance.principalName(fileKey)).isEqualTo("app");
        assertThat(governance.key("app")).contains(fileKey);
        var issued = governance.keyByHash("h-issued").orElseThrow();
        assertThat(Governance.principalName(issued)).isEqualTo("key_1");
        assertThat(governance.key("key_1")).contains(issued);
        assertThat(governance.team("payments")).map(t -> t.dataClass()).contains(DataClass.CONFIDENTIAL);

        var providers = config.current().providers();
        assertThat(governance.providerPolicy(providers.get("zdr")).allows(DataClass.CONFIDENTIAL)).isTrue();
        assertThat(governance.providerPolicy(providers.get("openai")).source()).as("the service's override")
                .isEqualTo(Source.API);
        assertThat(governance.providerPolicy(providers.get("mock")).source()).isEqualTo(Source.BUILT_IN);
        assertThat(governance.credential("openai-prod")).contains("sk-upstream");
        assertThat(governance.credential("nope")).isEmpty();
        assertThat(new Governance(config, remote, null).credential("openai-prod")).as("no master key").isEmpty();
    }

    @Test
    void fileAliasesWinOverThePolicyServicesAndApiRoutesComeFromTheService() throws Exception {
        var config = file("""
                providers:
                  mock: { kind: mock }
                models:
                  echo: mock/echo
                aliases: { quick: echo }
                """);
        var remote = RemotePolicy.none();
        var governance = new Governance(config, remote, null);
        var route = new RouteDefinition("lorem", "\"mock/lorem\"", Source.API);
        remote.apply(List.of(PolicyChange.of(1, new ModelAlias("quick", "lorem", Source.API)),
                PolicyChange.of(2, new ModelAlias("fast", "lorem", Source.API)), PolicyChange.of(3, route)));

        assertThat(governance.alias("quick")).contains(new ModelAlias("quick", "echo", Source.FILE));
        assertThat(governance.alias("fast")).map(ModelAlias::target).contains("lorem");
        assertThat(governance.alias("slow")).isEmpty();
        assertThat(governance.aliases()).containsExactlyInAnyOrder(new ModelAlias("quick", "echo", Source.FILE),
                new ModelAlias("fast", "lorem", Source.API));
        assertThat(governance.routes()).containsExactly(route);
    }

    @Test
    void fileOrgsWinOverThePolicyServicesAndUndeclaredOrgsAreEmpty() throws Exception {
        var config = file("""
                providers:
                  mock: { kind: mock }
                models:
                  echo: mock/echo
                orgs:
                  - { name: acme, budgets: [ { limit: "5.00", period: monthly } ] }
                teams:
                  - { name: payments, org: acme }
                """);
        var remote = RemotePolicy.none();
        var governance = new Governance(config, remote, null);
        var serviceAcme = new OrgPolicy("acme", "acme", List.of(), Source.API);
        var globex = new OrgPolicy("globex", "globex",
                List.of(new Budget(new BigDecimal("1.00"), Budget.Period.DAILY, null)), Source.API);
        remote.apply(List.of(PolicyChange.of(1, serviceAcme), PolicyChange.of(2, globex)));

        assertThat(governance.org("acme")).map(OrgPolicy::source).contains(Source.FILE);
        assertThat(governance.org("acme").orElseThrow().budgets()).extracting(Budget::name).containsExactly("monthly");
        assertThat(governance.org("globex")).contains(globex);
        assertThat(governance.org("default")).isEmpty();
    }
}
