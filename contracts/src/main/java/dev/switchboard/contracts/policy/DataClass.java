package dev.switchboard.contracts.policy;

import java.util.Locale;

/**
 * How sensitive a request's data is, in rising order. A provider serves a request only when its data policy allows
 * the request's class ({@link ProviderDataPolicy#maxDataClass()}).
 */
public enum DataClass {
    PUBLIC, INTERNAL, CONFIDENTIAL;

    /** The lower-case name used in YAML, JSON and the {@code x-switchboard-data-class} header. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a label, case-insensitively; unknown names are an {@link IllegalArgumentException} listing the valid ones. */
    public static DataClass parse(String label) {
        for (DataClass value : values()) {
            if (value.name().equalsIgnoreCase(label.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown data class '" + label + "' (expected public, internal or confidential)");
    }

    public static DataClass higher(DataClass a, DataClass b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
