package dev.switchboard.providers.gemini;

import org.jspecify.annotations.Nullable;

/**
 * Tool-call ids for Gemini, whose {@code functionCall.id} is optional (provider-protocols §3.2). A call without one
 * gets {@code call_gm_<response>_<index>}: deterministic, so a streamed and a whole answer agree, and unique across a
 * conversation because it carries the response id. The prefix marks it as ours, so it is never sent back upstream.
 */
final class GeminiToolIds {

    static final String MINTED_PREFIX = "call_gm_";
    private static final int RESPONSE_PART = 24;

    private GeminiToolIds() {}

    static String mint(@Nullable String responseId, int index) {
        String response = responseId == null ? "" : responseId.replaceAll("[^A-Za-z0-9_-]", "");
        if (response.length() > RESPONSE_PART) {
            response = response.substring(0, RESPONSE_PART);
        }
        return MINTED_PREFIX + (response.isEmpty() ? "" : response + "_") + index;
    }

    static boolean minted(String id) {
        return id.startsWith(MINTED_PREFIX);
    }
}
