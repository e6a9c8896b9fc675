package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.UpstreamTarget;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A target's kebab-case settings: {@code max-tokens} (positive int, used when the caller sets no limit; default 4096),
 * {@code thinking} ({@code enabled} → {@code budget_tokens}, default; {@code adaptive} → {@code type:adaptive} plus
 * {@code output_config.effort}, for models that reject budgets) and {@code anthropic-beta} (comma-separated beta names).
 */
record AnthropicSettings(int maxTokens, boolean adaptiveThinking, String betas) {

    static final int DEFAULT_MAX_TOKENS = 4096;

    static AnthropicSettings of(UpstreamTarget target) {
        return new AnthropicSettings(maxTokens(target), adaptive(target), betas(target.setting("anthropic-beta", "")));
    }

    private static int maxTokens(UpstreamTarget target) {
        String value = target.setting("max-tokens", "").trim();
        if (value.isEmpty()) {
            return DEFAULT_MAX_TOKENS;
        }
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(target, "max-tokens", value, "a positive integer");
    }

    private static boolean adaptive(UpstreamTarget target) {
        String value = target.setting("thinking", "enabled").trim();
        return switch (value) {
            case "enabled" -> false;
            case "adaptive" -> true;
            default -> throw invalid(target, "thinking", value, "one of: enabled, adaptive");
        };
    }

    /** Trimmed and re-joined, so {@code "a, b,"} goes out as {@code a,b}; empty when none. */
    private static String betas(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.joining(","));
    }

    private static GatewayException invalid(UpstreamTarget target, String key, String value, String expected) {
        return new GatewayException(ErrorCategory.INTERNAL, "invalid setting " + key + "='" + value
                + "' for provider '" + target.provider() + "' (expected " + expected + ")");
    }
}
