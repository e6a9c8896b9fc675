package dev.switchboard.cost.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Whose data the caller of the cost API may see: {@code team == null} means every team (platform admins, services,
 * or an API running without an internal secret); otherwise only rows of that team.
 */
public record CallerScope(@Nullable String team) {

    public static final CallerScope ALL = new CallerScope(null);
    static final String ATTRIBUTE = CallerScope.class.getName();

    public static CallerScope of(HttpServletRequest request) {
        Object scope = request.getAttribute(ATTRIBUTE);
        return scope instanceof CallerScope known ? known : ALL;
    }

    public boolean sees(@Nullable String rowTeam) {
        return team == null || team.equals(rowTeam);
    }
}
