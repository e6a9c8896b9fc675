package dev.switchboard.contracts.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialSealTest {

    private final String oldEntry = CredentialSeal.newKeyEntry("k1");
    private final String newEntry = CredentialSeal.newKeyEntry("k2");

    @Test
    void opensWhatItSealedWithoutShowingThePlaintext() {
        var seal = CredentialSeal.parse(oldEntry);
        String sealed = seal.seal("sk-live-secret");
        assertThat(sealed).startsWith("v1.k1.").doesNotContain("sk-live-secret");
        assertThat(seal.open(sealed)).isEqualTo("sk-live-secret");
        assertThat(seal.seal("sk-live-secret")).as("random IV").isNotEqualTo(sealed);
    }

    @Test
    void rotatesWithoutDowntime() {
        String sealedUnderOld = CredentialSeal.parse(oldEntry).seal("sk-a");
        var ring = CredentialSeal.parse(newEntry + "," + oldEntry);
        assertThat(ring.open(sealedUnderOld)).isEqualTo("sk-a");
        assertThat(ring.isStale(sealedUnderOld)).isTrue();
        String resealed = ring.seal(ring.open(sealedUnderOld));
        assertThat(ring.isStale(resealed)).isFalse();
        assertThat(CredentialSeal.parse(newEntry).open(resealed)).isEqualTo("sk-a");
        assertThatThrownBy(() -> CredentialSeal.parse(newEntry).open(sealedUnderOld))
                .hasMessageContaining("'k1', which is not in the key ring");
    }

    @Test
    void refusesTamperingAndBadRings() {
        var seal = CredentialSeal.parse(oldEntry);
        String sealed = seal.seal("sk-a");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A') + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> seal.open(tampered)).isInstanceOf(IllegalArgumentException.class);
        String otherK1 = CredentialSeal.newKeyEntry("k1");
        assertThatThrownBy(() -> CredentialSeal.parse(otherK1).open(sealed)).hasMessageContaining("does not open");
        assertThatThrownBy(() -> CredentialSeal.parse("k1:c2hvcnQ=")).hasMessageContaining("expected 32")
                .hasMessageNotContaining("c2hvcnQ");
        assertThatThrownBy(() -> CredentialSeal.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
