package dev.switchboard.policy.access;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.policy.web.ApiException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every access rule of the API, in one place. Platform admins may do everything. Team admins and viewers see only
 * their own team: another team's resources answer 404, so their existence is not revealed. Team admins manage their
 * team's keys but not the team itself; viewers only read.
 */
public final class Access {

    /** Roles a team admin may give a key of its team. */
    private static final Set<String> TEAM_GRANTABLE = Set.of(Roles.TEAM_ADMIN, Roles.VIEWER);

    public boolean isPlatformAdmin(Principal caller) {
        return caller.has(Roles.PLATFORM_ADMIN);
    }

    /** Platform-wide settings (orgs, users, credentials, creating and changing teams, provider policy overrides). */
    public void requirePlatformAdmin(Principal caller) {
        if (!isPlatformAdmin(caller)) {
            throw ApiException.forbidden("this needs the platform-admin role");
        }
    }

    /** Reading shared reference data (data classes, provider data policies): any admin role. */
    public void requireAnyAdminRole(Principal caller) {
        if (!isPlatformAdmin(caller) && !caller.has(Roles.TEAM_ADMIN) && !caller.has(Roles.VIEWER)) {
            throw ApiException.forbidden("this needs the platform-admin, team-admin or viewer role");
        }
    }

    /** The policy snapshot: routers (service role) and platform admins. */
    public void requireService(Principal caller) {
        if (!isPlatformAdmin(caller) && !caller.has(Roles.SERVICE)) {
            throw ApiException.forbidden("this needs the service or platform-admin role");
        }
    }

    /** The one team a non-platform caller may see, or null for platform admins (every team). */
    public @Nullable String visibleTeam(Principal caller) {
        if (isPlatformAdmin(caller)) {
            return null;
        }
        requireAnyAdminRole(caller);
        if (caller.team() == null) {
            throw ApiException.forbidden("the caller belongs to no team");
        }
        return caller.team();
    }

    /** Reading a team, its keys and budgets. */
    public void readTeam(Principal caller, String team) {
        read(caller, team, "team '" + team + "'");
    }

    /** Reading one key; {@code team} is the key's. */
    public void readKey(Principal caller, @Nullable String team, String keyId) {
        read(caller, team, "key '" + keyId + "'");
    }

    /** Creating keys in a team. */
    public void manageKeys(Principal caller, String team) {
        manage(caller, team, "team '" + team + "'");
    }

    /** Changing and revoking one key; {@code team} is the key's. */
    public void manageKey(Principal caller, @Nullable String team, String keyId) {
        manage(caller, team, "key '" + keyId + "'");
    }

    private void read(Principal caller, @Nullable String team, String what) {
        if (isPlatformAdmin(caller)) {
            return;
        }
        requireOwnTeam(caller, team, what);
        requireAnyAdminRole(caller);
    }

    private void manage(Principal caller, @Nullable String team, String what) {
        if (isPlatformAdmin(caller)) {
            return;
        }
        requireOwnTeam(caller, team, what);
        if (!caller.has(Roles.TEAM_ADMIN)) {
            throw ApiException.forbidden("managing keys needs the team-admin role");
        }
    }

    /** Changing a team's own settings (models, data class, limits, budgets) or deleting it. */
    public void manageTeam(Principal caller, String team) {
        if (isPlatformAdmin(caller)) {
            return;
        }
        requireOwnTeam(caller, team, "team '" + team + "'");
        throw ApiException.forbidden("only a platform admin changes a team's models, data class, limits and budgets");
    }

    /** Roles a caller may give a key: team admins only team-admin and viewer. */
    public void grantRoles(Principal caller, Set<String> roles) {
        if (isPlatformAdmin(caller)) {
            return;
        }
        for (String role : roles) {
            if (!TEAM_GRANTABLE.contains(role)) {
                throw ApiException.forbidden("a team admin may not give a key the role '" + role + "'");
            }
        }
    }

    private static void requireOwnTeam(Principal caller, @Nullable String team, String what) {
        if (team == null || !Objects.equals(caller.team(), team)) {
            throw ApiException.notFound(what + " not found");
        }
    }
}
