package dev.switchboard.contracts.config;

import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Durations written as {@code 500ms}, {@code 30s}, {@code 2m}. */
final class Durations {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)(ms|s|m)");

    private Durations() {
    }

    static @Nullable Duration parse(YamlNode node) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        var matcher = FORMAT.matcher(text.trim());
        if (!matcher.matches()) {
            node.problem("expected a duration such as 500ms, 30s or 2m, got '" + text + "'");
            return null;
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }
}
