package dev.switchboard.policy.file;

import dev.switchboard.contracts.config.Sha256;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The environment {@code switchboard.yaml}'s {@code env:NAME} locations resolve against here. The policy service
 * needs key values only to hash them, and provider secrets not at all, so a variable this process lacks resolves to
 * a random placeholder instead of failing the file: keys whose value was a placeholder are left out of the sync
 * (they exist where the variable is set), and provider secrets are never read.
 */
public final class FileEnvironment implements Function<String, @Nullable String> {

    private final Function<String, @Nullable String> env;
    private final String nonce = UUID.randomUUID().toString();
    private final Map<String, String> placeholderHashes = new ConcurrentHashMap<>();

    public FileEnvironment(Function<String, @Nullable String> env) {
        this.env = env;
    }

    @Override
    public String apply(String name) {
        String value = env.apply(name);
        if (value != null && !value.isBlank()) {
            return value;
        }
        String placeholder = "unset-" + nonce + "-" + name;
        placeholderHashes.put(Sha256.hex(placeholder), name);
        return placeholder;
    }

    /** The variable whose placeholder hashes to {@code sha256Hex}, if any. */
    public @Nullable String unsetVariable(String sha256Hex) {
        return placeholderHashes.get(sha256Hex);
    }
}
