package dev.switchboard.contracts.policy;

import java.util.List;

/**
 * Everything a replica needs, as of change {@code seq}: what the policy service serves at start-up, before the
 * replica follows {@code policy-changes}.
 */
public record PolicySnapshot(long seq, List<TeamPolicy> teams, List<KeyPolicy> keys,
                             List<ProviderDataPolicy> providerPolicies, List<SealedCredential> credentials) {

    public static final PolicySnapshot EMPTY = new PolicySnapshot(0, List.of(), List.of(), List.of(), List.of());

    public PolicySnapshot {
        teams = List.copyOf(teams);
        keys = List.copyOf(keys);
        providerPolicies = List.copyOf(providerPolicies);
        credentials = List.copyOf(credentials);
    }
}
