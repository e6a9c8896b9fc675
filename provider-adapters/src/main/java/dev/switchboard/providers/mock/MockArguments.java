package dev.switchboard.providers.mock;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Builds the mock's JSON answers: an object mapping each {@code required} property of a schema to a value. */
final class MockArguments {

    private static final JsonMapper JSON = new JsonMapper();

    private MockArguments() {}

    /** {@code {}} when the schema is absent, unreadable or requires nothing. */
    static String fill(@Nullable String schemaJson, String value) {
        ObjectNode object = JSON.createObjectNode();
        if (schemaJson != null) {
            try {
                JsonNode required = JSON.readTree(schemaJson).path("required");
                required.forEach(name -> object.put(name.asString(), value));
            } catch (JacksonException e) {
                // an unreadable schema gets the empty object
            }
        }
        return object.toString();
    }
}
