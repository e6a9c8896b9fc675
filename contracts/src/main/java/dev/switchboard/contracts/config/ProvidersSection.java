package dev.switchboard.contracts.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads {@code providers:}. */
final class ProvidersSection {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    private static final Set<String> KEYS = Set.of("kind", "base-url", "api-key", "timeout", "dialect", "options");

    private final SecretResolver secrets;
    private final Set<String> knownKinds;

    ProvidersSection(SecretResolver secrets, Set<String> knownKinds) {
        this.secrets = secrets;
        this.knownKinds = knownKinds;
    }

    Map<String, ProviderConfig> read(@Nullable YamlNode section) {
        Map<String, ProviderConfig> out = new LinkedHashMap<>();
        if (section == null) {
            return out;
        }
        section.fields(Set.of()).forEach((name, node) -> {
            ProviderConfig provider = provider(name, node);
            if (provider != null) {
                out.put(name, provider);
            }
        });
        return out;
    }

    private @Nullable ProviderConfig provider(String name, YamlNode node) {
        var fields = node.fields(KEYS);
        String kind = fields.containsKey("kind") ? fields.get("kind").text() : null;
        if (kind == null) {
            node.problem("kind is required");
            return null;
        }
        if (!knownKinds.isEmpty() && !knownKinds.contains(kind)) {
            fields.get("kind").problem("unknown provider kind '" + kind + "' (expected one of: "
                    + String.join(", ", knownKinds.stream().sorted().toList()) + ")");
        }
        URI baseUrl = fields.containsKey("base-url") ? url(fields.get("base-url")) : null;
        Secret apiKey = fields.containsKey("api-key") ? secrets.resolve(fields.get("api-key")) : null;
        Duration timeout = fields.containsKey("timeout") ? Durations.parse(fields.get("timeout")) : DEFAULT_TIMEOUT;
        Map<String, String> settings = new LinkedHashMap<>();
        if (fields.containsKey("dialect")) {
            settings.putAll(fields.get("dialect").strings());
        }
        if (fields.containsKey("options")) {
            settings.putAll(fields.get("options").strings());
        }
        return new ProviderConfig(name, kind, baseUrl, apiKey, settings, timeout == null ? DEFAULT_TIMEOUT : timeout);
    }

    private static @Nullable URI url(YamlNode node) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                node.problem("expected an http or https URL, got '" + text + "'");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            node.problem("not a URL: '" + text + "'");
            return null;
        }
    }
}
