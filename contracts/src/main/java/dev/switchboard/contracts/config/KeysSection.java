package dev.switchboard.contracts.config;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.policy.TeamPolicy;
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

    private static final Set<String> KEYS = Set.of("name", "key", "key-sha256", "models", "budgets", "team",
            "data-class", "limits", "roles");
    private static final Set<String> ROLES = Set.of(Roles.PLATFORM_ADMIN, Roles.TEAM_ADMIN, Roles.VIEWER);
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    private final SecretResolver secrets;
    private final Set<String> models;
    private final Map<String, TeamPolicy> teams;

    KeysSection(SecretResolver secrets, Set<String> models, Map<String, TeamPolicy> teams) {
        this.secrets = secrets;
        this.models = models;
        this.teams = teams;
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
        } else if (name.startsWith(Principal.TOKEN_PREFIX)) {
            fields.get("name").problem("key names may not start with 'token:' (the edge names token callers so)");
            name = null;
        }
        String hash = hash(node, fields);
        Set<String> allowed = GovernanceFields.models(fields, models);
        List<Budget> budgets = fields.containsKey("budgets") ? BudgetsSection.read(fields.get("budgets")) : List.of();
        String team = team(fields.get("team"), allowed);
        return name == null || hash == null ? null : new KeyConfig(name, hash, allowed, budgets, team,
                GovernanceFields.dataClass(fields), GovernanceFields.limits(fields), roles(fields.get("roles")));
    }

    /** The key's team, which must be under {@code teams:}; a key never allows a model its team does not. */
    private @Nullable String team(@Nullable YamlNode node, Set<String> allowed) {
        if (node == null) {
            return null;
        }
        String name = node.text();
        TeamPolicy team = name == null ? null : teams.get(name);
        if (name != null && team == null) {
            node.problem("unknown team '" + name + "' (not under teams:)");
        } else if (team != null) {
            allowed.stream().filter(model -> !team.allows(model)).forEach(model -> node.problem(
                    "the key allows model '" + model + "', which its team '" + name + "' does not"));
        }
        return name;
    }

    private static Set<String> roles(@Nullable YamlNode node) {
        Set<String> roles = new LinkedHashSet<>();
        if (node != null) {
            for (YamlNode item : node.items()) {
                String role = item.text();
                if (role != null && !ROLES.contains(role)) {
                    item.problem("unknown role '" + role + "' (expected platform-admin, team-admin or viewer)");
                } else if (role != null) {
                    roles.add(role);
                }
            }
        }
        return roles;
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
