package dev.switchboard.contracts.policy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A replica's immutable view of the policy: entries by id and keys by hash, with the sequence number each entry was
 * last changed at. {@link #apply} returns a new view, ignoring changes no newer than what the view holds for that
 * entry, so replays and a snapshot overlapping the topic are harmless.
 */
public final class PolicyView {

    public static final PolicyView EMPTY = of(PolicySnapshot.EMPTY);

    private final long seq;
    private final Map<String, Long> seqByEntity;
    private final Map<String, TeamPolicy> teams;
    private final Map<String, KeyPolicy> keysById;
    private final Map<String, KeyPolicy> keysByHash;
    private final Map<String, ProviderDataPolicy> providerPolicies;
    private final Map<String, SealedCredential> credentials;
    private final Map<String, ModelAlias> aliases;
    private final Map<String, RouteDefinition> routes;
    private final Map<String, OrgPolicy> orgs;

    private PolicyView(long seq, Map<String, Long> seqByEntity, Map<String, TeamPolicy> teams,
                       Map<String, KeyPolicy> keysById, Map<String, ProviderDataPolicy> providerPolicies,
                       Map<String, SealedCredential> credentials, Map<String, ModelAlias> aliases,
                       Map<String, RouteDefinition> routes, Map<String, OrgPolicy> orgs) {
        this.seq = seq;
        this.seqByEntity = seqByEntity;
        this.teams = teams;
        this.keysById = keysById;
        Map<String, KeyPolicy> byHash = new HashMap<>();
        keysById.values().forEach(key -> byHash.put(key.sha256Hex(), key));
        this.keysByHash = Map.copyOf(byHash);
        this.providerPolicies = providerPolicies;
        this.credentials = credentials;
        this.aliases = aliases;
        this.routes = routes;
        this.orgs = orgs;
    }

    public static PolicyView of(PolicySnapshot snapshot) {
        Map<String, Long> seqs = new HashMap<>();
        Map<String, TeamPolicy> teams = new HashMap<>();
        Map<String, KeyPolicy> keys = new HashMap<>();
        Map<String, ProviderDataPolicy> policies = new HashMap<>();
        Map<String, SealedCredential> credentials = new HashMap<>();
        Map<String, ModelAlias> aliases = new HashMap<>();
        Map<String, RouteDefinition> routes = new HashMap<>();
        Map<String, OrgPolicy> orgs = new HashMap<>();
        snapshot.teams().forEach(team -> put(teams, seqs, PolicyChange.of(snapshot.seq(), team), team));
        snapshot.keys().forEach(key -> put(keys, seqs, PolicyChange.of(snapshot.seq(), key), key));
        snapshot.providerPolicies().forEach(p -> put(policies, seqs, PolicyChange.of(snapshot.seq(), p), p));
        snapshot.credentials().forEach(c -> put(credentials, seqs, PolicyChange.of(snapshot.seq(), c), c));
        snapshot.aliases().forEach(a -> put(aliases, seqs, PolicyChange.of(snapshot.seq(), a), a));
        snapshot.routes().forEach(r -> put(routes, seqs, PolicyChange.of(snapshot.seq(), r), r));
        snapshot.orgs().forEach(o -> put(orgs, seqs, PolicyChange.of(snapshot.seq(), o), o));
        return new PolicyView(snapshot.seq(), Map.copyOf(seqs), Map.copyOf(teams), Map.copyOf(keys),
                Map.copyOf(policies), Map.copyOf(credentials), Map.copyOf(aliases), Map.copyOf(routes),
                Map.copyOf(orgs));
    }

    private static <T> void put(Map<String, T> map, Map<String, Long> seqs, PolicyChange change, T value) {
        map.put(change.id(), value);
        seqs.put(change.entityKey(), change.seq());
    }

    /** This view with the changes applied that are newer than the entries they touch. */
    public PolicyView apply(List<PolicyChange> changes) {
        Map<String, Long> seqs = new HashMap<>(seqByEntity);
        Map<String, TeamPolicy> teams = new HashMap<>(this.teams);
        Map<String, KeyPolicy> keys = new HashMap<>(keysById);
        Map<String, ProviderDataPolicy> policies = new HashMap<>(providerPolicies);
        Map<String, SealedCredential> creds = new HashMap<>(credentials);
        Map<String, ModelAlias> aliasMap = new HashMap<>(aliases);
        Map<String, RouteDefinition> routeMap = new HashMap<>(routes);
        Map<String, OrgPolicy> orgMap = new HashMap<>(orgs);
        long top = seq;
        boolean changed = false;
        for (PolicyChange change : changes) {
            Long held = seqs.get(change.entityKey());
            if (held != null && held >= change.seq()) {
                continue;
            }
            seqs.put(change.entityKey(), change.seq());
            top = Math.max(top, change.seq());
            changed = true;
            switch (change.entity()) {
                case TEAM -> update(teams, change);
                case KEY -> update(keys, change);
                case PROVIDER_POLICY -> update(policies, change);
                case CREDENTIAL -> update(creds, change);
                case ALIAS -> update(aliasMap, change);
                case ROUTE -> update(routeMap, change);
                case ORG -> update(orgMap, change);
            }
        }
        return changed ? new PolicyView(top, Map.copyOf(seqs), Map.copyOf(teams), Map.copyOf(keys),
                Map.copyOf(policies), Map.copyOf(creds), Map.copyOf(aliasMap), Map.copyOf(routeMap),
                Map.copyOf(orgMap)) : this;
    }

    /** This view with a snapshot's entries applied as changes at the snapshot's sequence (removals need changes). */
    public PolicyView merge(PolicySnapshot snapshot) {
        List<PolicyChange> changes = new java.util.ArrayList<>();
        snapshot.teams().forEach(t -> changes.add(PolicyChange.of(snapshot.seq(), t)));
        snapshot.keys().forEach(k -> changes.add(PolicyChange.of(snapshot.seq(), k)));
        snapshot.providerPolicies().forEach(p -> changes.add(PolicyChange.of(snapshot.seq(), p)));
        snapshot.credentials().forEach(c -> changes.add(PolicyChange.of(snapshot.seq(), c)));
        snapshot.aliases().forEach(a -> changes.add(PolicyChange.of(snapshot.seq(), a)));
        snapshot.routes().forEach(r -> changes.add(PolicyChange.of(snapshot.seq(), r)));
        snapshot.orgs().forEach(o -> changes.add(PolicyChange.of(snapshot.seq(), o)));
        PolicyView merged = apply(changes);
        return merged.seq >= snapshot.seq() ? merged : new PolicyView(snapshot.seq(), merged.seqByEntity, merged.teams,
                merged.keysById, merged.providerPolicies, merged.credentials, merged.aliases, merged.routes,
                merged.orgs);
    }

    @SuppressWarnings("unchecked")
    private static <T> void update(Map<String, T> map, PolicyChange change) {
        if (change.body() == null) {
            map.remove(change.id());
        } else {
            map.put(change.id(), (T) change.body());
        }
    }

    /** The highest change sequence applied. */
    public long seq() {
        return seq;
    }

    public Optional<KeyPolicy> keyByHash(String sha256Hex) {
        return Optional.ofNullable(keysByHash.get(sha256Hex));
    }

    public Optional<KeyPolicy> key(String id) {
        return Optional.ofNullable(keysById.get(id));
    }

    public Optional<TeamPolicy> team(@Nullable String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(teams.get(id));
    }

    public Optional<SealedCredential> credential(String name) {
        return Optional.ofNullable(credentials.get(name));
    }

    /**
     * The data policy of a configured provider: an override for its name, else one for its kind, else the built-in
     * facts for the kind, else public-only.
     */
    public ProviderDataPolicy providerPolicy(String name, String kind) {
        ProviderDataPolicy policy = providerPolicies.get(name);
        if (policy == null) {
            policy = providerPolicies.get(kind);
        }
        return policy != null ? policy
                : ProviderDataPolicies.forKind(kind).orElseGet(() -> ProviderDataPolicies.unknown(name));
    }

    public List<TeamPolicy> teams() {
        return List.copyOf(teams.values());
    }

    public List<KeyPolicy> keys() {
        return List.copyOf(keysById.values());
    }

    public Optional<ModelAlias> alias(String name) {
        return Optional.ofNullable(aliases.get(name));
    }

    public List<ModelAlias> aliases() {
        return List.copyOf(aliases.values());
    }

    public Optional<RouteDefinition> route(String name) {
        return Optional.ofNullable(routes.get(name));
    }

    public List<RouteDefinition> routes() {
        return List.copyOf(routes.values());
    }

    /** An organisation by id; one no entry declares has no budgets (empty here). */
    public Optional<OrgPolicy> org(@Nullable String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(orgs.get(id));
    }

    public List<OrgPolicy> orgs() {
        return List.copyOf(orgs.values());
    }

    public PolicySnapshot snapshot() {
        return new PolicySnapshot(seq, teams(), keys(), List.copyOf(providerPolicies.values()),
                List.copyOf(credentials.values()), aliases(), routes(), orgs());
    }
}
