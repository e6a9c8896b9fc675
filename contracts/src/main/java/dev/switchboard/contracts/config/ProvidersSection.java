package dev.switchboard.contracts.config;

import dev.switchboard.contracts.policy.ProviderDataPolicy;
import dev.switchboard.contracts.policy.Source;
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
    private static final Set<String> KEYS = Set.of("kind", "base-url", "api-key", "timeout", "dialect", "options",
            "data-policy");
    private static final Set<String> POLICY_KEYS = Set.of("retention-days", "trains-on-data", "zero-retention", "region");
    private static final String CREDENTIAL = "credential:";

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
        String credential = credential(fields.get("api-key"));
        Secret apiKey = fields.containsKey("api-key") && credential == null ? secrets.resolve(fields.get("api-key")) : null;
        Duration timeout = fields.containsKey("timeout") ? Durations.parse(fields.get("timeout")) : DEFAULT_TIMEOUT;
        Map<String, String> settings = new LinkedHashMap<>();
        if (fields.containsKey("dialect")) {
            settings.putAll(fields.get("dialect").strings());
        }
        if (fields.containsKey("options")) {
            settings.putAll(fields.get("options").strings());
        }
        return new ProviderConfig(name, kind, baseUrl, apiKey, settings, timeout == null ? DEFAULT_TIMEOUT : timeout,
                credential, fields.containsKey("data-policy") ? dataPolicy(name, fields.get("data-policy")) : null);
    }

    /** The name in {@code api-key: credential:<name>}, a provider key stored (encrypted) in the policy service. */
    private static @Nullable String credential(@Nullable YamlNode node) {
        String text = node == null || !node.isValue() ? null : node.text();
        if (text == null || !text.startsWith(CREDENTIAL)) {
            return null;
        }
        String name = text.substring(CREDENTIAL.length()).trim();
        if (name.isEmpty()) {
            node.problem("expected credential:<name>");
            return null;
        }
        return name;
    }

    /** {@code data-policy:} what this provider (account) does with data, overriding the built-in facts. */
    private static ProviderDataPolicy dataPolicy(String provider, YamlNode node) {
        var fields = node.fields(POLICY_KEYS);
        Integer days = null;
        if (fields.containsKey("retention-days")) {
            String text = fields.get("retention-days").text();
            try {
                days = text == null ? null : Integer.valueOf(text.trim());
            } catch (NumberFormatException e) {
                fields.get("retention-days").problem("expected a whole number of days, got '" + text + "'");
            }
        }
        String region = fields.containsKey("region") ? fields.get("region").text() : null;
        return new ProviderDataPolicy(provider, days, flag(fields.get("trains-on-data")),
                flag(fields.get("zero-retention")), region == null ? "unknown" : region, Source.FILE);
    }

    private static boolean flag(@Nullable YamlNode node) {
        String text = node == null ? null : node.text();
        if (text != null && !"true".equals(text) && !"false".equals(text)) {
            node.problem("expected true or false, got '" + text + "'");
        }
        return "true".equals(text);
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
