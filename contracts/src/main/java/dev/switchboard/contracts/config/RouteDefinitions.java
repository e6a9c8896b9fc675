package dev.switchboard.contracts.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a route defined outside {@code switchboard.yaml} (through the policy service's API): JSON in exactly the
 * shape of one {@code models:} entry, checked against the providers a config declares. Problems carry their path
 * from the route's name (e.g. {@code fast.targets[1]: unknown provider 'grok' ...}), as {@link ConfigParser}
 * reports them. The routes named by {@code rules} and {@code default} are not checked here: they may be any route
 * the reader knows.
 */
public final class RouteDefinitions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RouteDefinitions() {
    }

    /**
     * @param providers the names of the providers targets may use
     * @throws ConfigException listing every problem
     */
    public static ModelRoute read(String name, String definitionJson, Set<String> providers) {
        JsonNode tree;
        try {
            tree = JSON.readTree(definitionJson);
        } catch (JacksonException e) {
            throw new ConfigException(source(name), List.of(name + ": not valid JSON: " + e.getOriginalMessage()));
        }
        List<String> problems = new ArrayList<>();
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            problems.add(name + ": expected provider/model or a mapping with targets");
            throw new ConfigException(source(name), problems);
        }
        ModelRoute route = new ModelsSection(providers).route(name, new YamlNode(tree, name, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException(source(name), problems);
        }
        return route;
    }

    private static String source(String name) {
        return "route '" + name + "'";
    }
}
