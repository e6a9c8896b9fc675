package dev.switchboard.contracts.policy;

/**
 * Who manages an entry: {@code switchboard.yaml} (read-only through the API), the admin API, or the built-in facts
 * (overridable through either).
 */
public enum Source {
    FILE, API, BUILT_IN
}
