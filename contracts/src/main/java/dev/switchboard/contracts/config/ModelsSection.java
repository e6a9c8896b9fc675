package dev.switchboard.contracts.config;

import dev.switchboard.contracts.error.ErrorCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code models:}. A model is either a short {@code provider/model} string or a mapping with
 * {@code targets} (each a {@code provider/model} string or a {@code {provider, model}} mapping) and
 * {@code fallback-on}.
 */
final class ModelsSection {

    private static final Set<String> KEYS = union(Set.of("targets", "fallback-on"), RoutePolicySection.KEYS);
    private static final Set<String> TARGET_KEYS = Set.of("provider", "model", "weight");

    private final Set<String> providers;
    private final RoutePolicySection policies = new RoutePolicySection();

    ModelsSection(Set<String> providers) {
        this.providers = providers;
    }

    Map<String, ModelRoute> read(@Nullable YamlNode section) {
        Map<String, ModelRoute> out = new LinkedHashMap<>();
        if (section == null) {
            return out;
        }
        section.fields(Set.of()).forEach((name, node) -> out.put(name, route(name, node)));
        policies.checkReferences(out);
        return out;
    }

    /** One route, without checking the routes its rules name (they may be defined elsewhere). */
    ModelRoute route(String name, YamlNode node) {
        if (!node.isObject()) {
            var target = shortTarget(node);
            return new ModelRoute(name, target == null ? List.of() : List.of(target), ModelRoute.DEFAULT_FALLBACK_ON);
        }
        var fields = node.fields(KEYS);
        RoutePolicy policy = policies.read(name, fields);
        List<ModelRoute.Target> targets = new ArrayList<>();
        YamlNode targetsNode = fields.get("targets");
        if (targetsNode == null) {
            if (policy.strategy() != RoutePolicy.Strategy.RULES || policy.defaultRoute() == null) {
                node.problem("targets is required");
            }
        } else {
            targetsNode.items().forEach(item -> {
                var target = item.isObject() ? longTarget(item) : shortTarget(item);
                if (target != null) {
                    targets.add(target);
                }
            });
            if (targets.isEmpty()) {
                targetsNode.problem("needs at least one target");
            }
        }
        Set<ErrorCategory> fallbackOn = fields.containsKey("fallback-on")
                ? categories(fields.get("fallback-on")) : ModelRoute.DEFAULT_FALLBACK_ON;
        return new ModelRoute(name, targets, fallbackOn, policy);
    }

    private ModelRoute.@Nullable Target shortTarget(YamlNode node) {
        String text = node.text();
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            node.problem("expected provider/model, got '" + text + "'");
            return null;
        }
        return checked(node, text.substring(0, slash), text.substring(slash + 1));
    }

    private ModelRoute.@Nullable Target longTarget(YamlNode node) {
        var fields = node.fields(TARGET_KEYS);
        if (!fields.containsKey("provider") || !fields.containsKey("model")) {
            node.problem("a target needs provider and model");
            return null;
        }
        String provider = fields.get("provider").text();
        String model = fields.get("model").text();
        int weight = fields.containsKey("weight") ? weight(fields.get("weight")) : 1;
        var target = provider == null || model == null ? null : checked(node, provider, model);
        return target == null ? null : new ModelRoute.Target(target.provider(), target.model(), weight);
    }

    private static int weight(YamlNode node) {
        String text = node.text();
        try {
            int weight = Integer.parseInt(text == null ? "" : text.trim());
            if (weight >= 0) {
                return weight;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        node.problem("expected a weight of 0 or more, got '" + text + "'");
        return 1;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private ModelRoute.@Nullable Target checked(YamlNode node, String provider, String model) {
        if (!providers.contains(provider)) {
            node.problem("unknown provider '" + provider + "' (expected one of: "
                    + String.join(", ", providers.stream().sorted().toList()) + ")");
            return null;
        }
        return new ModelRoute.Target(provider, model);
    }

    private static Set<ErrorCategory> categories(YamlNode node) {
        Set<ErrorCategory> out = EnumSet.noneOf(ErrorCategory.class);
        for (YamlNode item : node.items()) {
            String text = item.text();
            if (text == null) {
                continue;
            }
            try {
                out.add(ErrorCategory.valueOf(text));
            } catch (IllegalArgumentException e) {
                item.problem("unknown error category '" + text + "' (expected one of: "
                        + Arrays.toString(ErrorCategory.values()) + ")");
            }
        }
        return out;
    }
}
