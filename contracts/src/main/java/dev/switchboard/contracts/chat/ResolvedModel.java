package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

/** The deployment that serves a request: the configured provider name and the provider's model id. */
public record ResolvedModel(String provider, String model) {
    public ResolvedModel {
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
    }
}
