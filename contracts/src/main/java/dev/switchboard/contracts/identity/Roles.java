package dev.switchboard.contracts.identity;

/** The roles a principal may carry. Model API calls need none; the admin API checks these. */
public final class Roles {

    /** Everything, every team: the operator's key and Keycloak's {@code switchboard-admin}. */
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Manages its own team: keys, allowed models, limits, budgets; reads its own spend and logs. */
    public static final String TEAM_ADMIN = "team-admin";
    /** Reads its own team's settings, spend and logs. */
    public static final String VIEWER = "viewer";
    /** A router or edge replica fetching the policy view. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
