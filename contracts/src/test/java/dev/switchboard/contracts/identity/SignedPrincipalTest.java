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
    }

    @Test
    void rejectsTamperedNameOtherSecretAndGarbage() {
        String header = signer.sign(new Principal("app"));
        String[] parts = header.split("\\.");
        String forged = parts[0] + ".YWRtaW4." + parts[2] + "." + parts[3];
        assertThat(signer.verify(forged)).isEmpty();
        assertThat(new SignedPrincipal("another-secret-0123456", now).verify(header)).isEmpty();
        assertThat(signer.verify("app")).isEmpty();
        assertThat(signer.verify("v1.!!.x.y")).isEmpty();
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
