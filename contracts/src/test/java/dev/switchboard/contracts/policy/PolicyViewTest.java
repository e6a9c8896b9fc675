package dev.switchboard.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.Budget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyViewTest {

    static TeamPolicy team(String id, Set<String> models) {
        return new TeamPolicy(id, "acme", id, models, DataClass.INTERNAL, new RateLimit(60L, 10_000L),
                List.of(new Budget(new BigDecimal("25.50"), Budget.Period.MONTHLY, new BigDecimal("0.8"))), Source.API);
    }

    static KeyPolicy key(String id, String hash) {
        return new KeyPolicy(id, "app-" + id, "payments", "sb-" + id, hash, Set.of("gpt-mini"), DataClass.CONFIDENTIAL,
                RateLimit.NONE, List.of(), Set.of(), Instant.parse("2027-01-01T00:00:00Z"), false, Source.API);
    }

    @Test
    void appliesNewerChangesAndIgnoresReplays() {
        var view = PolicyView.of(new PolicySnapshot(5, List.of(team("payments", Set.of())), List.of(key("k1", "h1")),
                List.of(), List.of()));
        var later = view.apply(List.of(PolicyChange.of(7, key("k2", "h2")),
                PolicyChange.removed(6, PolicyChange.Entity.KEY, "k1"),
                PolicyChange.of(4, team("payments", Set.of("stale")))));
        assertThat(later.seq()).isEqualTo(7);
        assertThat(later.keyByHash("h1")).isEmpty();
        assertThat(later.keyByHash("h2")).map(KeyPolicy::name).contains("app-k2");
        assertThat(later.team("payments")).map(TeamPolicy::models).contains(Set.of());
        assertThat(later.apply(List.of(PolicyChange.of(6, key("k1", "h1"))))).as("older than the removal").isSameAs(later);
    }

    @Test
    void providerPolicyPrefersTheNamedOverrideThenTheKind() {
        var zdr = new ProviderDataPolicy("openai-zdr", 0, false, true, "us", Source.FILE);
        var view = PolicyView.EMPTY.apply(List.of(PolicyChange.of(1, zdr)));
        assertThat(view.providerPolicy("openai-zdr", "openai").maxDataClass()).isEqualTo(DataClass.CONFIDENTIAL);
        assertThat(view.providerPolicy("openai", "openai").maxDataClass()).isEqualTo(DataClass.INTERNAL);
        assertThat(view.providerPolicy("fast", "cerebras").allows(DataClass.CONFIDENTIAL)).isTrue();
        assertThat(view.providerPolicy("router", "openrouter").maxDataClass()).isEqualTo(DataClass.PUBLIC);
        assertThat(view.providerPolicy("local", "openai-compatible").allows(DataClass.INTERNAL)).isFalse();
    }

    @Test
    void changesAndSnapshotsRoundTripAsJson() {
        var change = PolicyChange.of(9, key("k1", "h1"));
        assertThat(PolicyJson.readChange(PolicyJson.write(change))).isEqualTo(change);
        var removal = PolicyChange.removed(10, PolicyChange.Entity.TEAM, "payments");
        assertThat(PolicyJson.readChange(PolicyJson.write(removal))).isEqualTo(removal);
        var snapshot = new PolicySnapshot(3, List.of(team("payments", Set.of("a"))), List.of(key("k1", "h1")),
                List.of(ProviderDataPolicies.forKind("groq").orElseThrow()),
                List.of(new SealedCredential("openai-prod", "v1.k1.abc", Instant.parse("2026-11-25T10:00:00Z"), Source.API)));
        assertThat(PolicyJson.readSnapshot(PolicyJson.write(snapshot))).isEqualTo(snapshot);
        assertThat(new String(PolicyJson.write(snapshot), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"limit\":25.50").contains("\"dataClass\":\"INTERNAL\"");
    }

    @Test
    void aliasesAndRoutesRoundTripAndApplyLikeOtherEntries() {
        var alias = new ModelAlias("quick", "fast", Source.API);
        var route = new RouteDefinition("fast", "{\"targets\":[\"mock/echo\"]}", Source.API);
        assertThat(PolicyJson.readChange(PolicyJson.write(PolicyChange.of(4, alias)))).isEqualTo(PolicyChange.of(4, alias));
        assertThat(PolicyJson.readChange(PolicyJson.write(PolicyChange.of(5, route)))).isEqualTo(PolicyChange.of(5, route));
        assertThat(PolicyChange.of(4, alias).entityKey()).isEqualTo("alias:quick");
        assertThat(PolicyChange.of(5, route).entityKey()).isEqualTo("route:fast");

        var snapshot = new PolicySnapshot(6, List.of(), List.of(), List.of(), List.of(), List.of(alias), List.of(route));
        assertThat(PolicyJson.readSnapshot(PolicyJson.write(snapshot))).isEqualTo(snapshot);
        var view = PolicyView.of(snapshot);
        assertThat(view.alias("quick")).contains(alias);
        assertThat(view.routes()).containsExactly(route);
        assertThat(view.snapshot()).isEqualTo(snapshot);

        var later = view.apply(List.of(PolicyChange.removed(7, PolicyChange.Entity.ALIAS, "quick"),
                PolicyChange.of(5, new RouteDefinition("fast", "\"mock/lorem\"", Source.API))));
        assertThat(later.alias("quick")).isEmpty();
        assertThat(later.route("fast")).as("older than what the view holds").contains(route);
    }

    @Test
    void snapshotsWrittenBeforeAliasesExistedReadWithNone() {
        var old = "{\"v\":1,\"seq\":2,\"teams\":[],\"keys\":[],\"providerPolicies\":[],\"credentials\":[]}";
        var snapshot = PolicyJson.readSnapshot(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(snapshot.aliases()).isEmpty();
        assertThat(snapshot.routes()).isEmpty();
        assertThat(snapshot.orgs()).isEmpty();
        assertThat(snapshot.seq()).isEqualTo(2);
    }

    @Test
    void orgsRoundTripAndApplyLikeOtherEntries() {
        var org = new OrgPolicy("acme", "acme", List.of(new dev.switchboard.contracts.config.Budget(
                new java.math.BigDecimal("5.00"), dev.switchboard.contracts.config.Budget.Period.MONTHLY, null)),
                Source.API);
        assertThat(PolicyJson.readChange(PolicyJson.write(PolicyChange.of(3, org)))).isEqualTo(PolicyChange.of(3, org));
        assertThat(PolicyChange.of(3, org).entityKey()).isEqualTo("org:acme");

        var snapshot = new PolicySnapshot(3, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(org));
        assertThat(PolicyJson.readSnapshot(PolicyJson.write(snapshot))).isEqualTo(snapshot);
        var view = PolicyView.of(snapshot);
        assertThat(view.org("acme")).contains(org);
        assertThat(view.org("default")).as("an org no entry declares").isEmpty();
        assertThat(view.snapshot()).isEqualTo(snapshot);

        assertThat(view.apply(List.of(PolicyChange.removed(2, PolicyChange.Entity.ORG, "acme"))).org("acme"))
                .as("older than what the view holds").contains(org);
        assertThat(view.apply(List.of(PolicyChange.removed(4, PolicyChange.Entity.ORG, "acme"))).org("acme")).isEmpty();
    }
}
