package dev.switchboard.testkit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Compares JSON documents as trees: key order is ignored, array order and number types are not. */
public final class JsonAssert {

    private static final JsonMapper JSON = new JsonMapper();

    private JsonAssert() {}

    public static void assertJsonEquals(String expected, String actual) {
        JsonNode want = JSON.readTree(expected);
        JsonNode got = JSON.readTree(actual);
        if (!want.equals(got)) {
            throw new AssertionError("JSON differs (key order ignored)\nexpected: " + want.toPrettyString()
                    + "\nactual:   " + got.toPrettyString());
        }
    }
}
