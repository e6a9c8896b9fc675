package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A function the model may call. {@code parametersJson} is the JSON Schema as raw JSON text
 * ({@code null} for a function without parameters).
 */
public record ToolSpec(String name, @Nullable String description, @Nullable String parametersJson, boolean strict) {
    public ToolSpec { requireNonNull(name, "name"); }
}
