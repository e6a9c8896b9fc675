package dev.switchboard.contracts.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The wire form of a {@link SpendUpdate}: its fields (exact decimals, ISO-8601 time) plus {@code "v"}. */
public final class SpendUpdateJson {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private SpendUpdateJson() {
    }

    public static byte[] write(SpendUpdate update) {
        ObjectNode out = JSON.createObjectNode().put("v", SpendUpdate.VERSION);
        out.setAll((ObjectNode) JSON.valueToTree(update));
        return JSON.writeValueAsBytes(out);
    }

    public static SpendUpdate read(byte[] json) {
        JsonNode tree = JSON.readTree(json);
        int version = tree.path("v").asInt(0);
        if (version < 1 || version > SpendUpdate.VERSION) {
            throw new IllegalArgumentException("spend update version " + version + " is not readable here (expected 1 to "
                    + SpendUpdate.VERSION + ")");
        }
        return JSON.treeToValue(tree, SpendUpdate.class);
    }
}
