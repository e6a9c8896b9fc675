package dev.switchboard.contracts.chat;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/** The shape the caller wants the answer in. */
public sealed interface ResponseFormat {
    record Text() implements ResponseFormat {}
    record JsonObject() implements ResponseFormat {}
    /** {@code schemaJson} is the JSON Schema as raw JSON text. */
    record JsonSchema(String name, @Nullable String schemaJson, boolean strict) implements ResponseFormat {
        public JsonSchema { requireNonNull(name, "name"); }
    }

    ResponseFormat TEXT = new Text();
}
