package dev.switchboard.edge.auth;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps a validated token's claims to a principal: {@code token:<name>} (the username, else the client, else the
 * subject), the human user unless it is a Keycloak service account, the team claim, and the Switchboard realm roles.
 */
final class TokenPrincipals {

    /** Keycloak names the user behind a client's service account {@code service-account-<client>}. */
    static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    private static final Map<String, String> REALM_ROLES = Map.of(
            "switchboard-admin", Roles.PLATFORM_ADMIN,
            "switchboard-team-admin", Roles.TEAM_ADMIN,
            "switchboard-viewer", Roles.VIEWER);

    private final String teamClaim;

    TokenPrincipals(String teamClaim) {
        this.teamClaim = requireNonNull(teamClaim, "teamClaim");
    }

    Principal of(Jwt jwt) {
        String username = text(jwt, "preferred_username");
        String name = Stream.of(username, text(jwt, "azp"), text(jwt, "client_id"), text(jwt, "sub"))
                .filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> new GatewayException(ErrorCategory.UNAUTHENTICATED, TokenAuthenticator.REJECTED
                        + "it names no caller (none of preferred_username, azp, client_id, sub)"));
        String user = username == null || username.startsWith(SERVICE_ACCOUNT_PREFIX) ? null : username;
        return new Principal(Principal.TOKEN_PREFIX + name, text(jwt, teamClaim), user, roles(jwt));
    }

    private static @Nullable String text(Jwt jwt, String claim) {
        return jwt.getClaims().get(claim) instanceof String value && !value.isBlank() ? value : null;
    }

    private static Set<String> roles(Jwt jwt) {
        if (!(jwt.getClaims().get("realm_access") instanceof Map<?, ?> access)
                || !(access.get("roles") instanceof Collection<?> roles)) {
            return Set.of();
        }
        return roles.stream().map(REALM_ROLES::get).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
