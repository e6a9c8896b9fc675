package dev.switchboard.router.events;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Feature tags of a request: OpenAI {@code metadata}, then the {@code x-switchboard-tags} header ({@code k=v,k2=v2}),
 * which wins on a repeated key. Bounded like OpenAI's metadata so an event stays small: at most {@value #MAX_TAGS}
 * tags, keys up to {@value #MAX_KEY} and values up to {@value #MAX_VALUE} characters; the rest is dropped.
 */
final class Tags {

    static final String HEADER = "x-switchboard-tags";
    static final int MAX_TAGS = 32;
    static final int MAX_KEY = 64;
    static final int MAX_VALUE = 512;

    private Tags() {
    }

    static Map<String, String> of(Map<String, String> metadata, @Nullable String header) {
        if (metadata.isEmpty() && header == null) {
            return Map.of();
        }
        Map<String, String> tags = new LinkedHashMap<>();
        metadata.forEach((k, v) -> put(tags, k, v));
        if (header != null) {
            for (String pair : header.split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    put(tags, pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return tags;
    }

    private static void put(Map<String, String> tags, String key, String value) {
        boolean fits = !key.isEmpty() && key.length() <= MAX_KEY && value.length() <= MAX_VALUE;
        if (fits && (tags.size() < MAX_TAGS || tags.containsKey(key))) {
            tags.put(key, value);
        }
    }
}
