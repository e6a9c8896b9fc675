package dev.switchboard.contracts.policy;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything a replica needs, as of change {@code seq}: what the policy service serves at start-up, before the
 * replica follows {@code policy-changes}. Snapshots written before aliases, routes or organisations existed read
 * with none.
 */
public record PolicySnapshot(long seq, List<TeamPolicy> teams, List<KeyPolicy> keys,
                             List<ProviderDataPolicy> providerPolicies, List<SealedCredential> credentials,
                             List<ModelAlias> aliases, List<RouteDefinition> routes, List<OrgPolicy> orgs) {

    public static final PolicySnapshot EMPTY = new PolicySnapshot(0, List.of(), List.of(), List.of(), List.of());

    public PolicySnapshot(long seq, @Nullable List<TeamPolicy> teams, @Nullable List<KeyPolicy> keys,
                          @Nullable List<ProviderDataPolicy> providerPolicies,
                          @Nullable List<SealedCredential> credentials, @Nullable List<ModelAlias> aliases,
                          @Nullable List<RouteDefinition> routes, @Nullable List<OrgPolicy> orgs) {
        this.seq = seq;
        this.teams = copy(teams);
        this.keys = copy(keys);
        this.providerPolicies = copy(providerPolicies);
        this.credentials = copy(credentials);
        this.aliases = copy(aliases);
        this.routes = copy(routes);
        this.orgs = copy(orgs);
    }

    /** A snapshot without organisations. */
    public PolicySnapshot(long seq, List<TeamPolicy> teams, List<KeyPolicy> keys,
                          List<ProviderDataPolicy> providerPolicies, List<SealedCredential> credentials,
                          List<ModelAlias> aliases, List<RouteDefinition> routes) {
        this(seq, teams, keys, providerPolicies, credentials, aliases, routes, List.of());
    }

    /** A snapshot without aliases, routes or organisations. */
    public PolicySnapshot(long seq, List<TeamPolicy> teams, List<KeyPolicy> keys,
                          List<ProviderDataPolicy> providerPolicies, List<SealedCredential> credentials) {
        this(seq, teams, keys, providerPolicies, credentials, List.of(), List.of(), List.of());
    }

    private static <T> List<T> copy(@Nullable List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
