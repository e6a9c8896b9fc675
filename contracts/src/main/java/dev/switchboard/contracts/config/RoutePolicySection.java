package dev.switchboard.contracts.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads a route's {@code strategy}, {@code retry}, {@code timeouts}, {@code race} and {@code rules}/{@code default}.
 * Rule targets are checked against the other routes once every route is read ({@link #checkReferences}).
 */
final class RoutePolicySection {

    static final Set<String> KEYS = Set.of("strategy", "retry", "timeouts", "race", "rules", "default");
    private static final Set<String> RETRY_KEYS = Set.of("attempts", "backoff", "max-backoff", "max-wait");
    private static final Set<String> TIMEOUT_KEYS = Set.of("total", "first-token", "idle");
    private static final Set<String> RACE_KEYS = Set.of("width");
    private static final Set<String> RULE_KEYS = Set.of("when", "route");
    private static final Set<String> MATCH_KEYS = Set.of("task", "metadata", "key", "min-input-tokens",
            "max-input-tokens", "tools", "images");

    private final Map<String, YamlNode> referenceNodes = new LinkedHashMap<>();

    RoutePolicy read(String route, Map<String, YamlNode> fields) {
        RoutePolicy.Strategy strategy = strategy(fields.get("strategy"));
        RoutePolicy.Retry retry = retry(fields.get("retry"));
        RoutePolicy.Timeouts timeouts = timeouts(fields.get("timeouts"));
        int width = race(fields.get("race"));
        List<RoutePolicy.Rule> rules = rules(route, fields.get("rules"));
        YamlNode defaultNode = fields.get("default");
        String defaultRoute = defaultNode == null ? null : defaultNode.text();
        if (defaultRoute != null) {
            referenceNodes.put(route + " default", defaultNode);
        }
        if (strategy == RoutePolicy.Strategy.RULES && rules.isEmpty() && fields.get("rules") == null) {
            problemAt(fields, "strategy", "strategy rules needs a rules list");
        }
        if (strategy != RoutePolicy.Strategy.RULES && (fields.containsKey("rules") || defaultNode != null)) {
            problemAt(fields, fields.containsKey("rules") ? "rules" : "default", "rules and default need strategy: rules");
        }
        return new RoutePolicy(strategy, retry, timeouts, width, rules, defaultRoute);
    }

    /** Every rule and default must name another route; a route may not reach itself through rules. */
    void checkReferences(Map<String, ModelRoute> routes) {
        referenceNodes.forEach((label, node) -> {
            String target = node.text();
            if (target != null && !routes.containsKey(target)) {
                node.problem("unknown route '" + target + "' (expected one of: "
                        + String.join(", ", routes.keySet().stream().sorted().toList()) + ")");
            }
        });
        for (ModelRoute route : routes.values()) {
            if (reaches(route.name(), route, routes, new ArrayList<>())) {
                YamlNode node = referenceNodes.values().stream().findFirst().orElseThrow();
                node.problem("route '" + route.name() + "' reaches itself through its rules");
                return;
            }
        }
    }

    private static boolean reaches(String start, ModelRoute route, Map<String, ModelRoute> routes, List<String> seen) {
        List<String> next = new ArrayList<>();
        route.policy().rules().forEach(rule -> next.add(rule.route()));
        if (route.policy().defaultRoute() != null) {
            next.add(route.policy().defaultRoute());
        }
        for (String name : next) {
            if (name.equals(start)) {
                return true;
            }
            ModelRoute child = routes.get(name);
            if (child != null && !seen.contains(name)) {
                seen.add(name);
                if (reaches(start, child, routes, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static RoutePolicy.Strategy strategy(@Nullable YamlNode node) {
        String text = node == null ? null : node.text();
        if (text == null) {
            return RoutePolicy.Strategy.FIXED;
        }
        try {
            return RoutePolicy.Strategy.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            node.problem("unknown strategy '" + text + "' (expected fixed, weighted, cheapest, fastest, race or rules)");
            return RoutePolicy.Strategy.FIXED;
        }
    }

    private static RoutePolicy.Retry retry(@Nullable YamlNode node) {
        RoutePolicy.Retry d = RoutePolicy.Retry.DEFAULT;
        if (node == null) {
            return d;
        }
        Map<String, YamlNode> f = node.fields(RETRY_KEYS);
        int attempts = f.containsKey("attempts") ? positive(f.get("attempts"), d.attempts()) : d.attempts();
        return new RoutePolicy.Retry(attempts, duration(f.get("backoff"), d.backoff()),
                duration(f.get("max-backoff"), d.maxBackoff()), duration(f.get("max-wait"), d.maxWait()));
    }

    private static RoutePolicy.Timeouts timeouts(@Nullable YamlNode node) {
        if (node == null) {
            return RoutePolicy.Timeouts.DEFAULT;
        }
        Map<String, YamlNode> f = node.fields(TIMEOUT_KEYS);
        return new RoutePolicy.Timeouts(duration(f.get("total"), RoutePolicy.Timeouts.DEFAULT.total()),
                f.containsKey("first-token") ? Durations.parse(f.get("first-token")) : null,
                f.containsKey("idle") ? Durations.parse(f.get("idle")) : null);
    }

    private static int race(@Nullable YamlNode node) {
        if (node == null) {
            return RoutePolicy.DEFAULT.raceWidth();
        }
        Map<String, YamlNode> f = node.fields(RACE_KEYS);
        return f.containsKey("width") ? positive(f.get("width"), 2) : RoutePolicy.DEFAULT.raceWidth();
    }

    private List<RoutePolicy.Rule> rules(String route, @Nullable YamlNode node) {
        List<RoutePolicy.Rule> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<YamlNode> items = node.items();
        for (int i = 0; i < items.size(); i++) {
            Map<String, YamlNode> f = items.get(i).fields(RULE_KEYS);
            YamlNode target = f.get("route");
            if (target == null || target.text() == null) {
                items.get(i).problem("a rule needs route");
                continue;
            }
            referenceNodes.put(route + " rule " + i, target);
            out.add(new RoutePolicy.Rule(match(f.get("when")), target.text()));
        }
        return out;
    }

    private static RoutePolicy.Match match(@Nullable YamlNode node) {
        if (node == null) {
            return new RoutePolicy.Match(null, Map.of(), null, null, null, null, null);
        }
        Map<String, YamlNode> f = node.fields(MATCH_KEYS);
        return new RoutePolicy.Match(text(f.get("task")),
                f.containsKey("metadata") ? f.get("metadata").strings() : Map.of(), text(f.get("key")),
                number(f.get("min-input-tokens")), number(f.get("max-input-tokens")), bool(f.get("tools")),
                bool(f.get("images")));
    }

    private static @Nullable String text(@Nullable YamlNode node) {
        return node == null ? null : node.text();
    }

    private static @Nullable Long number(@Nullable YamlNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            node.problem("expected a whole number, got '" + text + "'");
            return null;
        }
    }

    private static @Nullable Boolean bool(@Nullable YamlNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            node.problem("expected true or false, got '" + text + "'");
            return null;
        }
        return Boolean.valueOf(text);
    }

    private static int positive(YamlNode node, int fallback) {
        Long value = number(node);
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 100) {
            node.problem("expected a number from 1 to 100, got " + value);
            return fallback;
        }
        return value.intValue();
    }

    private static Duration duration(@Nullable YamlNode node, Duration fallback) {
        Duration value = node == null ? null : Durations.parse(node);
        return value == null ? fallback : value;
    }

    private static void problemAt(Map<String, YamlNode> fields, String key, String message) {
        YamlNode node = fields.get(key);
        if (node != null) {
            node.problem(message);
        }
    }
}
