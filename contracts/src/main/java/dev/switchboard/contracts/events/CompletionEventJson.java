package dev.switchboard.contracts.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire form of a {@link CompletionEvent}: its fields as JSON (camelCase, ISO-8601 time, exact decimal cost) plus
 * {@code "v"}, the schema version. Readers ignore fields they do not know, so adding one is compatible.
 */
public final class CompletionEventJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private CompletionEventJson() {
    }

    public static byte[] write(CompletionEvent event) {
        ObjectNode tree = JSON.valueToTree(event);
        ObjectNode out = JSON.createObjectNode().put("v", CompletionEvent.VERSION);
        out.setAll(tree);
        return JSON.writeValueAsBytes(out);
    }

    /** Reads an event; a newer major version than this reader knows is refused. */
    public static CompletionEvent read(byte[] json) {
        JsonNode tree = JSON.readTree(json);
        int version = tree.path("v").asInt(0);
        if (version < 1 || version > CompletionEvent.VERSION) {
            throw new IllegalArgumentException("completion event version " + version + " is not readable here (expected 1 to "
                    + CompletionEvent.VERSION + ")");
        }
        return JSON.treeToValue(tree, CompletionEvent.class);
    }
}
