package dev.switchboard.contracts.config;

import java.util.function.Function;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** Resolves {@code env:NAME} locations; a secret written inline is a configuration error. */
final class SecretResolver {

    private static final Pattern LOCATION = Pattern.compile("env:([A-Za-z_][A-Za-z0-9_]*)");

    private final Function<String, @Nullable String> env;

    SecretResolver(Function<String, @Nullable String> env) {
        this.env = env;
    }

    @Nullable Secret resolve(YamlNode node) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        var matcher = LOCATION.matcher(text);
        if (!matcher.matches()) {
            node.problem("secrets are given as env:NAME, never inline");
            return null;
        }
        String value = env.apply(matcher.group(1));
        if (value == null || value.isBlank()) {
            node.problem("environment variable " + matcher.group(1) + " is not set");
            return null;
        }
        return new Secret(text, value);
    }
}
