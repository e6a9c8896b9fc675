package dev.switchboard.contracts.config;

import java.util.List;

/** A {@code switchboard.yaml} that cannot be activated, with every problem found, each prefixed by its path. */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super("invalid configuration in " + source + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
