package dev.switchboard.providers.anthropic;

import java.util.regex.Pattern;

/**
 * Anthropic accepts tool ids matching {@code ^[a-zA-Z0-9_-]+$} only (provider-protocols §2.3, maximhq/bifrost#5097).
 * Ids from other providers ({@code functions.Bash:0}) are sanitised the same way on {@code tool_use.id} and
 * {@code tool_result.tool_use_id}, so a call and its result still pair up.
 */
final class ToolUseIds {

    private static final Pattern OUTSIDE = Pattern.compile("[^a-zA-Z0-9_-]");

    private ToolUseIds() {}

    static String sanitise(String id) {
        return id.isEmpty() ? "_" : OUTSIDE.matcher(id).replaceAll("_");
    }
}
