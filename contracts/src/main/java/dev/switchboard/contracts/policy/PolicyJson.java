package dev.switchboard.contracts.policy;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The wire forms of {@link PolicyChange} ({@code {"v":1,"seq":..,"entity":"key","id":..,"body":{..}|null}}) and
 * {@link PolicySnapshot} (its fields plus {@code "v"}): records as JSON, camelCase, ISO-8601 instants, exact
 * decimals. Readers ignore fields they do not know.
 */
public final class PolicyJson {

    public static final int VERSION = 1;

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private PolicyJson() {
    }

    public static byte[] write(PolicyChange change) {
        ObjectNode out = JSON.createObjectNode().put("v", VERSION).put("seq", change.seq())
                .put("entity", change.entity().label()).put("id", change.id());
        out.set("body", change.body() == null ? JSON.nullNode() : JSON.valueToTree(change.body()));
        return JSON.writeValueAsBytes(out);
    }

    public static PolicyChange readChange(byte[] json) {
        JsonNode tree = checked(JSON.readTree(json));
        var entity = PolicyChange.Entity.parse(tree.path("entity").asString());
        JsonNode body = tree.path("body");
        return new PolicyChange(tree.path("seq").asLong(), entity, tree.path("id").asString(),
                body.isMissingNode() || body.isNull() ? null : JSON.treeToValue(body, entity.type()));
    }

    public static byte[] write(PolicySnapshot snapshot) {
        ObjectNode out = JSON.createObjectNode().put("v", VERSION);
        out.setAll((ObjectNode) JSON.valueToTree(snapshot));
        return JSON.writeValueAsBytes(out);
    }

    public static PolicySnapshot readSnapshot(byte[] json) {
        return JSON.treeToValue(checked(JSON.readTree(json)), PolicySnapshot.class);
    }

    private static JsonNode checked(JsonNode tree) {
        int version = tree.path("v").asInt(0);
        if (version < 1 || version > VERSION) {
            throw new IllegalArgumentException("policy message version " + version + " is not readable here (expected 1 to "
                    + VERSION + ")");
        }
        return tree;
    }
}
