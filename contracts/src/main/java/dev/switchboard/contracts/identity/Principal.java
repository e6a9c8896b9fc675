package dev.switchboard.contracts.identity;

import static java.util.Objects.requireNonNull;

/** Who is calling: the name of the Switchboard key the edge authenticated. */
public record Principal(String keyName) {
    public Principal {
        requireNonNull(keyName, "keyName");
    }
}
