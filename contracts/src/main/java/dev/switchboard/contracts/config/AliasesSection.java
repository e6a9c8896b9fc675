package dev.switchboard.contracts.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads {@code aliases:}, a mapping of another name to a configured model; aliases do not chain. */
final class AliasesSection {

    private final Set<String> models;

    AliasesSection(Set<String> models) {
        this.models = models;
    }

    Map<String, String> read(@Nullable YamlNode section) {
        Map<String, String> out = new LinkedHashMap<>();
        if (section == null) {
            return out;
        }
        section.fields(Set.of()).forEach((alias, node) -> {
            String target = node.text();
            if (target == null) {
                return;
            }
            if (models.contains(alias)) {
                node.problem("alias '" + alias + "' is already the name of a model");
            } else if (!models.contains(target)) {
                node.problem("unknown model '" + target + "' (expected one of: "
                        + String.join(", ", models.stream().sorted().toList()) + ")");
            } else {
                out.put(alias, target);
            }
        });
        return out;
    }
}
