package dev.switchboard.router.policy;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.DataClass;
import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.contracts.policy.TeamPolicy;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The caller of one request as policy sees it: the verified principal, its key (null for a token), its team (if
 * any), the data class its request carries, and its team's organisation (null without a team, or when no entry
 * declares the organisation: it then has no budgets).
 */
public record Caller(Principal principal, @Nullable KeyPolicy key, @Nullable TeamPolicy team, DataClass dataClass,
                     @Nullable OrgPolicy org) {

    public Caller {
        requireNonNull(principal, "principal");
        requireNonNull(dataClass, "dataClass");
    }

    /** A caller without an organisation entry. */
    public Caller(Principal principal, @Nullable KeyPolicy key, @Nullable TeamPolicy team, DataClass dataClass) {
        this(principal, key, team, dataClass, null);
    }

    public String keyName() {
        return principal.keyName();
    }

    /** How messages name the caller: {@code key 'app'} or {@code token 'svc'}. */
    public String describe() {
        return key != null ? "key '" + key.name() + "'" : "token '" + principal.keyName().substring(
                principal.keyName().indexOf(':') + 1) + "'";
    }

    public boolean allows(String model) {
        return (key == null || key.models().isEmpty() || key.models().contains(model))
                && (team == null || team.allows(model));
    }

    /** 403 naming the model, who asked and the rule, when the key's or the team's list does not include the model. */
    public void checkModel(String model) {
        if (key != null && !key.models().isEmpty() && !key.models().contains(model)) {
            throw denied(model, describe(), key.models());
        }
        if (team != null && !team.allows(model)) {
            throw denied(model, "team '" + team.name() + "' (of " + describe() + ")", team.models());
        }
    }

    /**
     * For a model asked for by an alias: each model list (the key's, the team's) must name the alias or its target,
     * so a key limited to {@code fast} may call {@code quick -> fast}, and one limited to {@code quick} may call the
     * alias but not {@code fast} by its own name.
     */
    public boolean allows(String alias, String target) {
        return (key == null || key.models().isEmpty() || key.models().contains(alias) || key.models().contains(target))
                && (team == null || team.allows(alias) || team.allows(target));
    }

    /** As {@link #checkModel(String)} for an alias and its target (see {@link #allows(String, String)}). */
    public void checkModel(String alias, String target) {
        if (key != null && !key.models().isEmpty() && !key.models().contains(alias)
                && !key.models().contains(target)) {
            throw denied(alias, describe(), key.models());
        }
        if (team != null && !team.allows(alias) && !team.allows(target)) {
            throw denied(alias, "team '" + team.name() + "' (of " + describe() + ")", team.models());
        }
    }

    private static GatewayException denied(String model, String who, Set<String> allowed) {
        return new GatewayException(ErrorCategory.POLICY_DENIED, who + " may not use model '" + model
                + "' (rule: allowed models of " + who.replaceFirst(" \\(of .*\\)$", "") + " are "
                + String.join(", ", new TreeSet<>(allowed)) + ")");
    }
}
