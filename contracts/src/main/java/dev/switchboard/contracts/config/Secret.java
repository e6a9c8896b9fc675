package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

/** A secret value resolved from the environment. {@link #toString()} never shows it. */
public record Secret(String location, String value) {

    public Secret {
        requireNonNull(location, "location");
        requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "Secret[" + location + "]";
    }
}
