package dev.switchboard.contracts.config;

import dev.switchboard.contracts.policy.RequestLogPolicy;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a team's {@code request-log: { bodies: true, retention-days: 30 }}. {@code retention-days} is 1 to 3650,
 * {@value RequestLogPolicy#DEFAULT_RETENTION_DAYS} when left out, and only allowed with {@code bodies: true}.
 */
final class RequestLogSection {

    private static final Set<String> KEYS = Set.of("bodies", "retention-days");

    private RequestLogSection() {
    }

    static RequestLogPolicy read(YamlNode node) {
        var fields = node.fields(KEYS);
        boolean bodies = fields.containsKey("bodies") && bodies(fields.get("bodies"));
        YamlNode days = fields.get("retention-days");
        if (!bodies) {
            if (days != null) {
                days.problem("retention applies to kept bodies only (set bodies: true or remove it)");
            }
            return RequestLogPolicy.NONE;
        }
        Integer retention = days == null ? Integer.valueOf(RequestLogPolicy.DEFAULT_RETENTION_DAYS) : days(days);
        return retention == null ? RequestLogPolicy.NONE : RequestLogPolicy.bodiesFor(retention);
    }

    private static boolean bodies(YamlNode node) {
        String text = node.text();
        if ("true".equals(text) || "false".equals(text)) {
            return Boolean.parseBoolean(text);
        }
        if (text != null) {
            node.problem("expected true or false, got '" + text + "'");
        }
        return false;
    }

    private static @Nullable Integer days(YamlNode node) {
        String text = node.text();
        try {
            int value = text == null ? 0 : Integer.parseInt(text.trim());
            if (value >= 1 && value <= RequestLogPolicy.MAX_RETENTION_DAYS) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        node.problem("expected a whole number of days from 1 to " + RequestLogPolicy.MAX_RETENTION_DAYS + ", got '"
                + text + "'");
        return null;
    }
}
