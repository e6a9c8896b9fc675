package dev.switchboard.contracts.config;

import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code orgs:}: each organisation's {@code name} and the {@code budgets} its teams share. Teams may name an
 * organisation this section does not declare; it then has no budgets.
 */
final class OrgsSection {

    private static final Set<String> KEYS = Set.of("name", "budgets");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private OrgsSection() {
    }

    static Map<String, OrgPolicy> read(@Nullable YamlNode section) {
        Map<String, OrgPolicy> out = new LinkedHashMap<>();
        if (section == null) {
            return out;
        }
        for (YamlNode node : section.items()) {
            OrgPolicy org = org(node);
            if (org != null && out.putIfAbsent(org.id(), org) != null) {
                node.problem("duplicate org name '" + org.id() + "'");
            }
        }
        return out;
    }

    private static @Nullable OrgPolicy org(YamlNode node) {
        var fields = node.fields(KEYS);
        if (!node.isObject()) {
            return null;
        }
        String name = fields.containsKey("name") ? fields.get("name").text() : null;
        if (name == null) {
            node.problem("name is required");
        } else if (!NAME.matcher(name).matches()) {
            fields.get("name").problem("org names are lower-case letters, digits, '.', '_' and '-' (got '" + name + "')");
            name = null;
        }
        List<Budget> budgets = fields.containsKey("budgets") ? BudgetsSection.read(fields.get("budgets")) : List.of();
        return name == null ? null : new OrgPolicy(name, name, budgets, Source.FILE);
    }
}
