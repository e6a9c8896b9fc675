package dev.switchboard.contracts.policy;

import dev.switchboard.contracts.config.KeyConfig;
import dev.switchboard.contracts.config.SwitchboardConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The governance {@code switchboard.yaml} declares, as policy entries managed by the file: its organisations, its
 * teams, its keys (already hashed), the data policies given to its providers and its model aliases. The policy service applies these on start and on
 * every reload and refuses API changes to them; the edge and routers also read them straight from the file, so a
 * deployment without a policy service keeps working.
 */
public final class FilePolicy {

    /** File-managed keys' ids: {@code file:<name>}, so they never collide with issued keys. */
    public static final String KEY_ID_PREFIX = "file:";

    private FilePolicy() {
    }

    public static PolicySnapshot of(SwitchboardConfig config) {
        List<KeyPolicy> keys = new ArrayList<>();
        for (KeyConfig key : config.keysByHash().values()) {
            keys.add(key(key));
        }
        return new PolicySnapshot(0, List.copyOf(config.teams().values()), keys,
                config.providers().values().stream().filter(p -> p.dataPolicy() != null)
                        .map(p -> p.dataPolicy()).toList(), List.of(), aliases(config), List.of(),
                List.copyOf(config.orgs().values()));
    }

    /** The file's {@code aliases:}, managed by the file. */
    public static List<ModelAlias> aliases(SwitchboardConfig config) {
        return config.aliases().entrySet().stream()
                .map(e -> new ModelAlias(e.getKey(), e.getValue(), Source.FILE)).toList();
    }

    public static KeyPolicy key(KeyConfig key) {
        return new KeyPolicy(KEY_ID_PREFIX + key.name(), key.name(), key.team(),
                "sha256:" + key.sha256Hex().substring(0, Math.min(8, key.sha256Hex().length())), key.sha256Hex(),
                key.models(), key.dataClass(), key.limits(), key.budgets(), key.roles(), (Instant) null, false,
                Source.FILE);
    }
}
