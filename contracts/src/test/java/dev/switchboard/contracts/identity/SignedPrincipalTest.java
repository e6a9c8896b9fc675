package dev.switchboard.contracts.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SignedPrincipalTest {

    private final Clock now = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    private final SignedPrincipal signer = new SignedPrincipal("0123456789abcdef-secret", now);

    @Test
    void verifiesWhatItSigned() {
        String header = signer.sign(new Principal("team-a.app"));
        assertThat(signer.verify(header)).contains(new Principal("team-a.app"));
        var full = new Principal("token:svc", "team-a", "alice", java.util.Set.of(Roles.TEAM_ADMIN, Roles.VIEWER));
        assertThat(signer.verify(signer.sign(full))).contains(full);
    }

    @Test
    void rejectsARaisedRole() {
        String header = signer.sign(new Principal("app", "team-a", null, java.util.Set.of(Roles.VIEWER)));
        String[] parts = header.split("\\.", -1);
        parts[4] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                Roles.PLATFORM_ADMIN.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(signer.verify(String.join(".", parts))).isEmpty();
    }

    @Test
    void rejectsTamperedNameOtherSecretAndGarbage() {
        String header = signer.sign(new Principal("app"));
        String[] parts = header.split("\\.");
        parts[1] = "YWRtaW4";
        String forged = String.join(".", parts);
        assertThat(signer.verify(forged)).isEmpty();
        assertThat(new SignedPrincipal("another-secret-0123456", now).verify(header)).isEmpty();
        assertThat(signer.verify("app")).isEmpty();
        assertThat(signer.verify("v2.!!.x.y.z.1.w")).isEmpty();
    }

    @Test
    void rejectsExpiredHeaders() {
        String header = signer.sign(new Principal("app"));
        var later = new SignedPrincipal("0123456789abcdef-secret", Clock.offset(now, Duration.ofMinutes(6)));
        assertThat(later.verify(header)).isEmpty();
    }

    @Test
    void refusesShortSecrets() {
        assertThatThrownBy(() -> new SignedPrincipal("short", now)).isInstanceOf(IllegalArgumentException.class);
    }
}
