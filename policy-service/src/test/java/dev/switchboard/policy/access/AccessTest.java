package dev.switchboard.policy.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.policy.web.ApiException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class AccessTest {

    private final Access access = new Access();
    private final Principal platform = new Principal("op", null, null, Set.of(Roles.PLATFORM_ADMIN));
    private final Principal adminA = new Principal("a", "team-a", null, Set.of(Roles.TEAM_ADMIN));
    private final Principal viewerA = new Principal("v", "team-a", null, Set.of(Roles.VIEWER));

    @Test
    void platformAdminsMayDoEverything() {
        assertThatCode(() -> {
            access.manageTeam(platform, "team-b");
            access.manageKey(platform, null, "file:ops");
            access.grantRoles(platform, Set.of(Roles.PLATFORM_ADMIN));
            access.requireService(platform);
        }).doesNotThrowAnyException();
        assertThat(access.visibleTeam(platform)).isNull();
    }

    @Test
    void anotherTeamIsNotFoundRatherThanForbidden() {
        assertThat(status(() -> access.readTeam(adminA, "team-b"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(() -> access.manageKey(adminA, "team-b", "k"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(() -> access.manageTeam(adminA, "team-b"))).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(status(() -> access.readKey(viewerA, null, "file:ops"))).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void teamAdminsManageKeysButNotTheirTeam() {
        assertThatCode(() -> access.manageKeys(adminA, "team-a")).doesNotThrowAnyException();
        assertThat(status(() -> access.manageTeam(adminA, "team-a"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> access.grantRoles(adminA, Set.of(Roles.SERVICE)))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThatCode(() -> access.grantRoles(adminA, Set.of(Roles.VIEWER))).doesNotThrowAnyException();
    }

    @Test
    void viewersOnlyRead() {
        assertThatCode(() -> access.readTeam(viewerA, "team-a")).doesNotThrowAnyException();
        assertThat(status(() -> access.manageKeys(viewerA, "team-a"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> access.requirePlatformAdmin(viewerA))).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void callersWithoutRolesReadNothing() {
        Principal app = new Principal("app", "team-a", null, Set.of());
        assertThat(status(() -> access.readTeam(app, "team-a"))).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(status(() -> access.visibleTeam(app))).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static HttpStatus status(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(ApiException.class);
        try {
            call.run();
            throw new AssertionError("unreachable");
        } catch (ApiException e) {
            return e.status();
        }
    }
}
