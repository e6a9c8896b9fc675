package dev.switchboard.policyview;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.ProviderConfig;
import dev.switchboard.contracts.config.SwitchboardConfig;
import dev.switchboard.contracts.policy.CredentialSeal;
import dev.switchboard.contracts.policy.FilePolicy;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.PolicyView;
import dev.switchboard.contracts.policy.ProviderDataPolicy;
import dev.switchboard.contracts.policy.RouteDefinition;
import dev.switchboard.contracts.policy.TeamPolicy;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The governance a replica decides on: {@code switchboard.yaml}'s organisations, teams, keys, provider data policies
 * and model aliases first (they are also what the policy service shows as managed by the file), then the policy service's
 * view. Keys are named in
 * principals by their file name or, for issued keys, by their id.
 */
public final class Governance {

    private volatile PolicyView file;
    /** The file's keys by the name principals carry, so the hot path builds no id to look one up. */
    private volatile Map<String, KeyPolicy> fileKeysByName;
    private final RemotePolicy remote;
    private final @Nullable CredentialSeal seal;

    public Governance(ConfigFile config, RemotePolicy remote, @Nullable CredentialSeal seal) {
        fileChanged(config.current());
        this.remote = remote;
        this.seal = seal;
        config.onActivate(this::fileChanged);
    }

    private void fileChanged(SwitchboardConfig config) {
        PolicyView view = PolicyView.of(FilePolicy.of(config));
        Map<String, KeyPolicy> byName = new HashMap<>();
        view.keys().forEach(key -> byName.put(key.name(), key));
        fileKeysByName = Map.copyOf(byName);
        file = view;
    }

    /** The key with this SHA-256, from the file or the policy service; the caller checks it is active. */
    public Optional<KeyPolicy> keyByHash(String sha256Hex) {
        return file.keyByHash(sha256Hex).or(() -> remote.view().keyByHash(sha256Hex));
    }

    /** The key a principal names: a file key by name, an issued key by id. */
    public Optional<KeyPolicy> key(String keyName) {
        KeyPolicy key = fileKeysByName.get(keyName);
        return key != null ? Optional.of(key) : remote.view().key(keyName);
    }

    public Optional<TeamPolicy> team(@Nullable String id) {
        return file.team(id).or(() -> remote.view().team(id));
    }

    /** An organisation: the file's, else the policy service's; empty for one neither declares (it has no budgets). */
    public Optional<OrgPolicy> org(@Nullable String id) {
        return file.org(id).or(() -> remote.view().org(id));
    }

    /** A model alias: the file's, else the policy service's. */
    public Optional<ModelAlias> alias(String name) {
        return file.alias(name).or(() -> remote.view().alias(name));
    }

    /** Every alias by name, the file's winning over the policy service's of the same name. */
    public List<ModelAlias> aliases() {
        Map<String, ModelAlias> out = new LinkedHashMap<>();
        remote.view().aliases().forEach(alias -> out.put(alias.alias(), alias));
        file.aliases().forEach(alias -> out.put(alias.alias(), alias));
        return List.copyOf(out.values());
    }

    /** The routes defined through the policy service's API (the file's routes are its {@code models:}). */
    public List<RouteDefinition> routes() {
        return remote.view().routes();
    }

    /** The name a principal carries for a key: the file name, or the id of an issued key. */
    public static String principalName(KeyPolicy key) {
        return key.id().startsWith(FilePolicy.KEY_ID_PREFIX) ? key.name() : key.id();
    }

    /** A configured provider's data policy: its own {@code data-policy:}, else the policy service's, else built in. */
    public ProviderDataPolicy providerPolicy(ProviderConfig provider) {
        return provider.dataPolicy() != null ? provider.dataPolicy()
                : remote.view().providerPolicy(provider.name(), provider.kind());
    }

    /**
     * A stored provider credential, opened with the master key; empty when the policy service has none of that name
     * (yet) or this replica has no master key.
     */
    public Optional<String> credential(String name) {
        if (seal == null) {
            return Optional.empty();
        }
        return remote.view().credential(name).map(sealed -> seal.open(sealed.sealed()));
    }

    public RemotePolicy remote() {
        return remote;
    }
}
