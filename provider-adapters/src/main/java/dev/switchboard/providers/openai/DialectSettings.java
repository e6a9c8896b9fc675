package dev.switchboard.providers.openai;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Applies a target's kebab-case settings to a dialect: {@code max-tokens-field}, {@code stream-usage}
 * (alias {@code supports-stream-usage}), {@code system-role}, {@code tool-id-rule} ({@code any} | {@code alnum9}),
 * {@code drop-fields} (comma-separated), {@code seed-field}, {@code required-tool-choice},
 * {@code assistant-after-tool}, {@code bad-key-as-400}, {@code thought-signatures}. Other keys are left to other readers.
 */
final class DialectSettings {

    private DialectSettings() {}

    static OpenAiDialect apply(OpenAiDialect base, Map<String, String> settings, String provider) {
        OpenAiDialect.Builder d = base.toBuilder();
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String v = e.getValue().trim();
            switch (e.getKey()) {
                case "max-tokens-field" -> d.maxTokensField(oneOf(provider, e.getKey(), v, "max_tokens", "max_completion_tokens"));
                case "stream-usage", "supports-stream-usage" -> d.streamUsage(bool(provider, e.getKey(), v));
                case "system-role" -> d.systemRole(oneOf(provider, e.getKey(), v, "system", "developer"));
                case "tool-id-rule" -> d.toolIds("alnum9".equals(oneOf(provider, e.getKey(), v, "any", "alnum9"))
                        ? OpenAiDialect.ToolIdRule.ALNUM_9 : OpenAiDialect.ToolIdRule.ANY);
                case "drop-fields" -> d.droppedFields(list(v));
                case "seed-field" -> d.seedField(oneOf(provider, e.getKey(), v, "seed", "random_seed"));
                case "required-tool-choice" -> d.requiredToolChoice(oneOf(provider, e.getKey(), v, "required", "any"));
                case "assistant-after-tool" -> d.assistantAfterTool(bool(provider, e.getKey(), v));
                case "bad-key-as-400" -> d.badKeyAs400(bool(provider, e.getKey(), v));
                case "thought-signatures" -> d.thoughtSignatures(bool(provider, e.getKey(), v));
                default -> { }
            }
        }
        return d.build();
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    private static boolean bool(String provider, String key, String value) {
        return "true".equals(oneOf(provider, key, value.toLowerCase(Locale.ROOT), "true", "false"));
    }

    private static String oneOf(String provider, String key, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new GatewayException(ErrorCategory.INTERNAL, "invalid setting " + key + "='" + value + "' for provider '"
                + provider + "' (expected one of: " + String.join(", ", allowed) + ")");
    }
}
