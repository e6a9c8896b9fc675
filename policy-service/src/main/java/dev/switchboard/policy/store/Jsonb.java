package dev.switchboard.policy.store;

import dev.switchboard.contracts.config.Budget;
import java.util.List;
import java.util.Set;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSONB columns: model and role sets, budget lists, and outbox bodies (records as JSON, camelCase, ISO-8601 instants,
 * exact decimals, as on the wire). Parameters are bound as text and cast with {@code ?::jsonb}.
 */
public final class Jsonb {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<List<Budget>> BUDGETS = new TypeReference<>() {};
    private static final TypeReference<Set<String>> NAMES = new TypeReference<>() {};

    private Jsonb() {
    }

    public static String write(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return JSON.readValue(json, type);
    }

    public static List<Budget> budgets(String json) {
        return JSON.readValue(json, BUDGETS);
    }

    public static Set<String> names(String json) {
        return JSON.readValue(json, NAMES);
    }
}
