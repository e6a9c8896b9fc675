package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.TeamPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code switchboard.yaml}. {@code version} counts activations in this process; {@code sha256} names
 * the file content it came from. {@code aliases} maps another name callers may use to one of {@code models};
 * {@code orgs} are the organisations the file declares (with their budgets).
 */
public record SwitchboardConfig(Map<String, ProviderConfig> providers, Map<String, ModelRoute> models,
                                Map<String, KeyConfig> keysByHash, Map<String, TeamPolicy> teams, Stamp stamp,
                                Map<String, String> aliases, Map<String, OrgPolicy> orgs) {

    public SwitchboardConfig {
        providers = unmodifiableCopy(providers);
        models = unmodifiableCopy(models);
        keysByHash = Map.copyOf(keysByHash);
        teams = unmodifiableCopy(teams);
        requireNonNull(stamp, "stamp");
        aliases = unmodifiableCopy(aliases);
        orgs = unmodifiableCopy(orgs);
    }

    /** A config without organisations. */
    public SwitchboardConfig(Map<String, ProviderConfig> providers, Map<String, ModelRoute> models,
                             Map<String, KeyConfig> keysByHash, Map<String, TeamPolicy> teams, Stamp stamp,
                             Map<String, String> aliases) {
        this(providers, models, keysByHash, teams, stamp, aliases, Map.of());
    }

    /** A config without aliases. */
    public SwitchboardConfig(Map<String, ProviderConfig> providers, Map<String, ModelRoute> models,
                             Map<String, KeyConfig> keysByHash, Map<String, TeamPolicy> teams, Stamp stamp) {
        this(providers, models, keysByHash, teams, stamp, Map.of(), Map.of());
    }

    /** A config without teams. */
    public SwitchboardConfig(Map<String, ProviderConfig> providers, Map<String, ModelRoute> models,
                             Map<String, KeyConfig> keysByHash, Stamp stamp) {
        this(providers, models, keysByHash, Map.of(), stamp, Map.of(), Map.of());
    }

    public Optional<KeyConfig> keyByHash(String sha256Hex) {
        return Optional.ofNullable(keysByHash.get(sha256Hex));
    }

    public SwitchboardConfig withKey(KeyConfig key) {
        var keys = new LinkedHashMap<>(keysByHash);
        keys.put(key.sha256Hex(), key);
        return new SwitchboardConfig(providers, models, keys, teams, stamp, aliases, orgs);
    }

    public SwitchboardConfig withVersion(long version) {
        return new SwitchboardConfig(providers, models, keysByHash, teams, new Stamp(version, stamp.sha256()), aliases,
                orgs);
    }

    private static <V> Map<String, V> unmodifiableCopy(Map<String, V> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Which activation this is and of which content. */
    public record Stamp(long version, String sha256) {}
}
