package dev.switchboard.contracts.policy;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A provider API key as stored and distributed: {@code sealed} is its {@link CredentialSeal} ciphertext, readable
 * only with the master key. A provider in {@code switchboard.yaml} refers to it as {@code api-key: credential:<name>}.
 */
public record SealedCredential(String name, String sealed, Instant updatedAt, Source source) {

    public SealedCredential {
        requireNonNull(name, "name");
        requireNonNull(sealed, "sealed");
        requireNonNull(updatedAt, "updatedAt");
        requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "SealedCredential[name=" + name + ", updatedAt=" + updatedAt + ", source=" + source + "]";
    }
}
