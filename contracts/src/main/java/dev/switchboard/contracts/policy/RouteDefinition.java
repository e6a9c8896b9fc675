package dev.switchboard.contracts.policy;

import static java.util.Objects.requireNonNull;

/**
 * A route defined through the admin API: {@code definitionJson} is JSON in exactly the shape of one
 * {@code models:} entry of {@code switchboard.yaml} (a {@code "provider/model"} string or a mapping with
 * {@code targets}, {@code fallback-on}, {@code strategy}, ...), read with
 * {@link dev.switchboard.contracts.config.RouteDefinitions} against the reader's providers.
 */
public record RouteDefinition(String name, String definitionJson, Source source) {

    public RouteDefinition {
        requireNonNull(name, "name");
        requireNonNull(definitionJson, "definitionJson");
        requireNonNull(source, "source");
    }
}
