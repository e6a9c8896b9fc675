package dev.switchboard.contracts.config;

import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.RequestLogPolicy;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.contracts.policy.TeamPolicy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code teams:}: each team's {@code name}, {@code org} (default {@code default}), allowed {@code models},
 * default {@code data-class} (default {@code internal}), {@code limits} shared by its keys, {@code budgets}, and
 * {@code request-log} ({@code { bodies: true, retention-days: 30 }}: keep prompts and answers, 1 to 3650 days,
 * default 30; without it, metadata only).
 */
final class TeamsSection {

    static final String DEFAULT_ORG = "default";
    private static final Set<String> KEYS = Set.of("name", "org", "models", "data-class", "limits", "budgets",
            "request-log");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final Set<String> models;

    TeamsSection(Set<String> models) {
        this.models = models;
    }

    Map<String, TeamPolicy> read(@Nullable YamlNode section) {
        Map<String, TeamPolicy> out = new LinkedHashMap<>();
        if (section == null) {
            return out;
        }
        for (YamlNode node : section.items()) {
            TeamPolicy team = team(node);
            if (team != null && out.putIfAbsent(team.id(), team) != null) {
                node.problem("duplicate team name '" + team.id() + "'");
            }
        }
        return out;
    }

    private @Nullable TeamPolicy team(YamlNode node) {
        var fields = node.fields(KEYS);
        String name = fields.containsKey("name") ? fields.get("name").text() : null;
        if (name == null) {
            node.problem("name is required");
        } else if (!NAME.matcher(name).matches()) {
            fields.get("name").problem("team names are lower-case letters, digits, '.', '_' and '-' (got '" + name + "')");
            name = null;
        }
        String org = fields.containsKey("org") ? fields.get("org").text() : DEFAULT_ORG;
        Set<String> allowed = GovernanceFields.models(fields, models);
        DataClass dataClass = GovernanceFields.dataClass(fields);
        var limits = GovernanceFields.limits(fields);
        List<Budget> budgets = fields.containsKey("budgets") ? BudgetsSection.read(fields.get("budgets")) : List.of();
        RequestLogPolicy requestLog = fields.containsKey("request-log") ? RequestLogSection.read(fields.get("request-log"))
                : RequestLogPolicy.NONE;
        return name == null || org == null ? null : new TeamPolicy(name, org, name, allowed,
                dataClass == null ? DataClass.INTERNAL : dataClass, limits, budgets, Source.FILE, requestLog);
    }
}
