package dev.switchboard.contracts.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A YAML node with its path, that records problems instead of throwing so one pass reports them all. */
final class YamlNode {

    private final JsonNode node;
    private final String path;
    private final List<String> problems;

    YamlNode(JsonNode node, String path, List<String> problems) {
        this.node = node;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    void problem(String message) {
        problems.add(path + ": " + message);
    }

    boolean isValue() {
        return node.isValueNode() && !node.isNull();
    }

    boolean isObject() {
        return node.isObject();
    }

    /** Children of a mapping, after checking that only {@code allowed} keys appear. */
    Map<String, YamlNode> fields(Set<String> allowed) {
        Map<String, YamlNode> out = new LinkedHashMap<>();
        if (node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (!node.isObject()) {
            problem("expected a mapping");
            return out;
        }
        for (var entry : node.properties()) {
            String key = entry.getKey();
            if (!allowed.isEmpty() && !allowed.contains(key)) {
                problems.add(child(key) + ": unknown key (expected one of: " + String.join(", ", sorted(allowed)) + ")");
                continue;
            }
            out.put(key, new YamlNode(entry.getValue(), child(key), problems));
        }
        return out;
    }

    List<YamlNode> items() {
        List<YamlNode> out = new ArrayList<>();
        if (node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (!node.isArray()) {
            problem("expected a list");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            out.add(new YamlNode(node.get(i), path + "[" + i + "]", problems));
        }
        return out;
    }

    @Nullable String text() {
        if (node.isValueNode() && !node.isNull()) {
            return node.asString();
        }
        problem("expected a value");
        return null;
    }

    /** A mapping of scalar values, as strings. */
    Map<String, String> strings() {
        Map<String, String> out = new LinkedHashMap<>();
        fields(Set.of()).forEach((key, value) -> {
            String text = value.text();
            if (text != null) {
                out.put(key, text);
            }
        });
        return out;
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
