package dev.switchboard.contracts.config;

import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.RateLimit;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The governance fields teams and keys share: {@code models}, {@code data-class} and {@code limits}. */
final class GovernanceFields {

    private static final Set<String> LIMIT_KEYS = Set.of("requests-per-minute", "tokens-per-minute");

    private GovernanceFields() {
    }

    static Set<String> models(Map<String, YamlNode> fields, Set<String> known) {
        Set<String> allowed = new LinkedHashSet<>();
        if (fields.containsKey("models")) {
            for (YamlNode item : fields.get("models").items()) {
                String model = item.text();
                if (model != null && !known.contains(model)) {
                    item.problem("unknown model '" + model + "' (not under models:)");
                } else if (model != null) {
                    allowed.add(model);
                }
            }
        }
        return allowed;
    }

    static @Nullable DataClass dataClass(Map<String, YamlNode> fields) {
        if (!fields.containsKey("data-class")) {
            return null;
        }
        String text = fields.get("data-class").text();
        try {
            return text == null ? null : DataClass.parse(text);
        } catch (IllegalArgumentException e) {
            fields.get("data-class").problem(e.getMessage());
            return null;
        }
    }

    static RateLimit limits(Map<String, YamlNode> fields) {
        if (!fields.containsKey("limits")) {
            return RateLimit.NONE;
        }
        var limits = fields.get("limits").fields(LIMIT_KEYS);
        return new RateLimit(perMinute(limits.get("requests-per-minute")), perMinute(limits.get("tokens-per-minute")));
    }

    private static @Nullable Long perMinute(@Nullable YamlNode node) {
        if (node == null) {
            return null;
        }
        String text = node.text();
        try {
            long value = text == null ? -1 : Long.parseLong(text.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        node.problem("expected a whole number of at least 0, got '" + text + "'");
        return null;
    }
}
