package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.SwitchboardConfig.Stamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Parses and validates {@code switchboard.yaml}. Every problem is reported with its path in one
 * {@link ConfigException}; nothing half-valid is ever returned.
 */
public final class ConfigParser {

    private static final Set<String> TOP = Set.of("providers", "models", "aliases", "orgs", "teams", "keys");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final Function<String, @Nullable String> env;
    private final Set<String> knownKinds;

    /**
     * @param env reads environment variables (secrets are only ever given as {@code env:NAME})
     * @param knownKinds the provider kinds this process can serve; empty to skip the check
     */
    public ConfigParser(Function<String, @Nullable String> env, Set<String> knownKinds) {
        this.env = requireNonNull(env, "env");
        this.knownKinds = Set.copyOf(knownKinds);
    }

    public SwitchboardConfig parse(String yaml, String source) {
        List<String> problems = new ArrayList<>();
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new ConfigException(source, List.of("not valid YAML: " + e.getOriginalMessage()));
        }
        var root = new YamlNode(tree, "", problems);
        var fields = root.fields(TOP);
        var secrets = new SecretResolver(env);
        var providers = new ProvidersSection(secrets, knownKinds).read(fields.get("providers"));
        var models = new ModelsSection(providers.keySet()).read(fields.get("models"));
        var aliases = new AliasesSection(models.keySet()).read(fields.get("aliases"));
        Set<String> callable = new java.util.HashSet<>(models.keySet());
        callable.addAll(aliases.keySet());
        var orgs = OrgsSection.read(fields.get("orgs"));
        var teams = new TeamsSection(callable).read(fields.get("teams"));
        var keys = new KeysSection(secrets, callable, teams).read(fields.get("keys"));
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new SwitchboardConfig(providers, models, keys, teams, new Stamp(0, sha256(yaml)), aliases, orgs);
    }

    public static String sha256(String text) {
        return Sha256.hex(text);
    }
}
