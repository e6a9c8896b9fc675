package dev.switchboard.policy.file;

import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.policy.FilePolicy;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyChange.Entity;
import dev.switchboard.contracts.policy.PolicySnapshot;
import dev.switchboard.contracts.policy.ProviderDataPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.contracts.policy.TeamPolicy;
import dev.switchboard.policy.keys.KeyRepository;
import dev.switchboard.policy.keys.KeyRepository.StoredKey;
import dev.switchboard.policy.orgs.OrgRepository;
import dev.switchboard.policy.orgs.OrgService;
import dev.switchboard.policy.outbox.Outbox;
import dev.switchboard.policy.providers.ProviderPolicyRepository;
import dev.switchboard.policy.routes.AliasRepository;
import dev.switchboard.policy.teams.TeamRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies what {@code switchboard.yaml} declares as file-managed entries, in one transaction: entries that are new
 * or differ are written, file entries the file no longer declares are removed, and each of those is one change.
 * Entries that already match change nothing, so a restart publishes nothing.
 */
public final class FileSync {

    private static final Logger log = LoggerFactory.getLogger(FileSync.class);

    private final TeamRepository teams;
    private final KeyRepository keys;
    private final ProviderPolicyRepository providerPolicies;
    private final AliasRepository aliases;
    private final OrgRepository orgs;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final FileEnvironment environment;

    public FileSync(TeamRepository teams, KeyRepository keys, ProviderPolicyRepository providerPolicies,
                    AliasRepository aliases, OrgRepository orgs, Outbox outbox, TransactionTemplate transactions,
                    FileEnvironment environment) {
        this.teams = teams;
        this.keys = keys;
        this.providerPolicies = providerPolicies;
        this.aliases = aliases;
        this.orgs = orgs;
        this.outbox = outbox;
        this.transactions = transactions;
        this.environment = environment;
    }

    /** Applies a config; returns the changes it recorded (none when everything already matched). */
    public List<PolicyChange> apply(SwitchboardConfig config) {
        PolicySnapshot declared = FilePolicy.of(config);
        List<KeyPolicy> fileKeys = declared.keys().stream().filter(this::resolvable).toList();
        List<PolicyChange> changes = transactions.execute(tx -> {
            outbox.lock();
            List<PolicyChange> out = new ArrayList<>();
            Map<String, KeyPolicy> storedKeys = keys.all().stream().map(StoredKey::policy)
                    .filter(k -> k.source() == Source.FILE).collect(Collectors.toMap(KeyPolicy::id, k -> k));
            removeMissing(storedKeys.keySet(), ids(fileKeys, KeyPolicy::id), Entity.KEY, keys::delete, out);
            syncOrgs(declared.orgs(), declared.teams(), out);
            for (TeamPolicy team : declared.teams()) {
                if (!teams.find(team.id()).equals(Optional.of(team))) {
                    teams.upsert(team);
                    out.add(outbox.record(Entity.TEAM, team.id(), team));
                }
            }
            for (KeyPolicy key : fileKeys) {
                if (!Objects.equals(storedKeys.get(key.id()), key)) {
                    keys.upsert(key, null);
                    out.add(outbox.record(Entity.KEY, key.id(), key));
                }
            }
            removeMissing(ids(teams.all().stream().filter(t -> t.source() == Source.FILE).toList(), TeamPolicy::id),
                    ids(declared.teams(), TeamPolicy::id), Entity.TEAM, teams::delete, out);
            removeMissingOrgs(declared.orgs(), out);
            syncProviderPolicies(declared.providerPolicies(), out);
            syncAliases(declared.aliases(), out);
            return out;
        });
        if (!changes.isEmpty()) {
            log.info("switchboard.yaml version {} applied: {} policy changes", config.stamp().version(), changes.size());
        }
        return changes;
    }

    /**
     * The file's organisations (one the API had made under the same name becomes the file's), then the organisations
     * its teams name that nothing declares yet: those are added without budgets, managed by the API.
     */
    private void syncOrgs(List<OrgPolicy> declared, List<TeamPolicy> fileTeams, List<PolicyChange> out) {
        for (OrgPolicy org : declared) {
            if (!orgs.find(org.id()).equals(Optional.of(org))) {
                orgs.upsert(org);
                out.add(outbox.record(Entity.ORG, org.id(), org));
            }
        }
        for (TeamPolicy team : fileTeams) {
            orgs.add(team.org()).ifPresent(org -> out.add(outbox.record(Entity.ORG, org.id(), org)));
        }
    }

    /**
     * File organisations the file no longer declares: removed when no team is left in them, else kept without
     * budgets and handed to the API ({@code default} goes back to being built in), so their teams stay valid.
     */
    private void removeMissingOrgs(List<OrgPolicy> declared, List<PolicyChange> out) {
        List<String> names = ids(declared, OrgPolicy::id);
        for (OrgPolicy stored : orgs.all()) {
            if (stored.source() != Source.FILE || names.contains(stored.id())) {
                continue;
            }
            boolean builtIn = OrgService.DEFAULT_ORG.equals(stored.id());
            if (!builtIn && orgs.teams(stored.id()) == 0) {
                orgs.delete(stored.id());
                out.add(outbox.record(Entity.ORG, stored.id(), null));
            } else {
                OrgPolicy kept = new OrgPolicy(stored.id(), stored.name(), List.of(),
                        builtIn ? Source.BUILT_IN : Source.API);
                orgs.upsert(kept);
                out.add(outbox.record(Entity.ORG, kept.id(), kept));
            }
        }
    }

    private void syncProviderPolicies(List<ProviderDataPolicy> declared, List<PolicyChange> out) {
        Map<String, ProviderDataPolicy> stored = providerPolicies.all().stream()
                .collect(Collectors.toMap(ProviderDataPolicy::provider, p -> p));
        for (ProviderDataPolicy policy : declared) {
            if (!policy.equals(stored.get(policy.provider()))) {
                providerPolicies.upsert(policy);
                out.add(outbox.record(Entity.PROVIDER_POLICY, policy.provider(), policy));
            }
        }
        var fileManaged = stored.values().stream().filter(p -> p.source() == Source.FILE).toList();
        removeMissing(ids(fileManaged, ProviderDataPolicy::provider), ids(declared, ProviderDataPolicy::provider),
                Entity.PROVIDER_POLICY, providerPolicies::delete, out);
    }

    /** The file's aliases; one the API had defined under the same name becomes the file's. */
    private void syncAliases(List<ModelAlias> declared, List<PolicyChange> out) {
        Map<String, ModelAlias> stored = aliases.all().stream().collect(Collectors.toMap(ModelAlias::alias, a -> a));
        for (ModelAlias alias : declared) {
            if (!alias.equals(stored.get(alias.alias()))) {
                aliases.upsert(alias);
                out.add(outbox.record(Entity.ALIAS, alias.alias(), alias));
            }
        }
        var fileManaged = stored.values().stream().filter(a -> a.source() == Source.FILE).toList();
        removeMissing(ids(fileManaged, ModelAlias::alias), ids(declared, ModelAlias::alias), Entity.ALIAS,
                aliases::delete, out);
    }

    private void removeMissing(Collection<String> stored, List<String> declared, Entity entity,
                               Function<String, Boolean> delete, List<PolicyChange> out) {
        for (String id : stored.stream().sorted().toList()) {
            if (!declared.contains(id) && delete.apply(id)) {
                out.add(outbox.record(entity, id, null));
            }
        }
    }

    private boolean resolvable(KeyPolicy key) {
        String unset = environment.unsetVariable(key.sha256Hex());
        if (unset != null) {
            log.warn("key '{}' from switchboard.yaml is left out: environment variable {} is not set here",
                    key.name(), unset);
        }
        return unset == null;
    }

    private static <T> List<String> ids(List<T> entries, Function<T, String> id) {
        return entries.stream().map(id).toList();
    }
}
