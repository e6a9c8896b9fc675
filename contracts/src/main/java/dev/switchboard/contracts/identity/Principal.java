package dev.switchboard.contracts.identity;

import static java.util.Objects.requireNonNull;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling, as the edge authenticated it. {@code keyName} names the Switchboard key, or for a Keycloak token
 * {@code token:<subject>}; {@code team} is the team the key or token belongs to (null for the operator's key and for
 * keys from {@code switchboard.yaml} without one); {@code user} is the human behind a token, when there is one;
 * {@code roles} are {@link Roles} names.
 */
public record Principal(String keyName, @Nullable String team, @Nullable String user, Set<String> roles) {

    /** How the edge names a principal made from an identity-provider token: {@code token:<subject>}. */
    public static final String TOKEN_PREFIX = "token:";

    public Principal {
        requireNonNull(keyName, "keyName");
        roles = Set.copyOf(roles);
    }

    /** A key without team or roles (the model API only). */
    public Principal(String keyName) {
        this(keyName, null, null, Set.of());
    }

    /** Whether the edge made this principal from a token rather than a Switchboard key. */
    public boolean isToken() {
        return keyName.startsWith(TOKEN_PREFIX);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }
}
