package dev.switchboard.contracts.config;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code keys:}. A key is given as {@code key: env:NAME} (hashed as soon as it is read) or as
 * {@code key-sha256: <hex>}; the plain key is never kept. {@code budgets} are read by {@link BudgetsSection}.
 */
final class KeysSection {

    private static final Set<String> KEYS = Set.of("name", "key", "key-sha256", "models", "budgets");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final SecretResolver secrets;
    private final Set<String> models;

    KeysSection(SecretResolver secrets, Set<String> models) {
        this.secrets = secrets;
        this.models = models;
    }

    Map<String, KeyConfig> read(@Nullable YamlNode section) {
        Map<String, KeyConfig> byHash = new LinkedHashMap<>();
        if (section == null) {
            return byHash;
        }
        Set<String> names = new HashSet<>();
        for (YamlNode node : section.items()) {
            KeyConfig key = key(node);
            if (key == null) {
                continue;
            }
            if (!names.add(key.name())) {
                node.problem("duplicate key name '" + key.name() + "'");
            } else if (byHash.putIfAbsent(key.sha256Hex(), key) != null) {
                node.problem("the same key is listed twice");
            }
        }
        return byHash;
    }

    private @Nullable KeyConfig key(YamlNode node) {
        var fields = node.fields(KEYS);
        String name = fields.containsKey("name") ? fields.get("name").text() : null;
        if (name == null) {
            node.problem("name is required");
        } else if (name.startsWith("token:")) {
            fields.get("name").problem("key names may not start with 'token:' (the edge names token callers so)");
            name = null;
        }
        String hash = hash(node, fields);
        Set<String> allowed = new LinkedHashSet<>();
        if (fields.containsKey("models")) {
            for (YamlNode item : fields.get("models").items()) {
                String model = item.text();
                if (model != null && !models.contains(model)) {
                    item.problem("unknown model '" + model + "' (not under models:)");
                } else if (model != null) {
                    allowed.add(model);
                }
            }
        }
        List<Budget> budgets = fields.containsKey("budgets") ? BudgetsSection.read(fields.get("budgets")) : List.of();
        return name == null || hash == null ? null : new KeyConfig(name, hash, allowed, budgets);
    }

    private @Nullable String hash(YamlNode node, Map<String, YamlNode> fields) {
        if (fields.containsKey("key") == fields.containsKey("key-sha256")) {
            node.problem("give exactly one of key (env:NAME) or key-sha256");
            return null;
        }
        if (fields.containsKey("key")) {
            Secret secret = secrets.resolve(fields.get("key"));
            return secret == null ? null : ConfigParser.sha256(secret.value());
        }
        String hex = fields.get("key-sha256").text();
        if (hex == null || !HEX.matcher(hex.toLowerCase(Locale.ROOT)).matches()) {
            fields.get("key-sha256").problem("expected 64 hex characters (the SHA-256 of the key)");
            return null;
        }
        return hex.toLowerCase(Locale.ROOT);
    }
}
