package dev.switchboard.policy.credentials;

import dev.switchboard.contracts.policy.CredentialSeal;
import dev.switchboard.policy.web.ApiException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** The master key ring from {@code switchboard.master-keys}, or none: then only credential writes are refused. */
public final class MasterKeys {

    private final @Nullable CredentialSeal seal;

    private MasterKeys(@Nullable CredentialSeal seal) {
        this.seal = seal;
    }

    /** Parses the ring; a malformed ring stops start-up (the message names the entry, never key material). */
    public static MasterKeys of(@Nullable String ring) {
        return new MasterKeys(ring == null || ring.isBlank() ? null : CredentialSeal.parse(ring));
    }

    public CredentialSeal seal() {
        if (seal == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "no_master_key", "no master key is configured: set "
                    + "SWITCHBOARD_MASTER_KEYS (switchboard.master-keys) to <id>:<base64 of 32 bytes> to store "
                    + "provider credentials");
        }
        return seal;
    }
}
