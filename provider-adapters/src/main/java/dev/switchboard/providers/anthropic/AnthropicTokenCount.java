package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import tools.jackson.core.JacksonException;

/** The answer of {@code POST /v1/messages/count_tokens}: {@code {"input_tokens":N}} (provider-protocols §2.10). */
final class AnthropicTokenCount {

    private AnthropicTokenCount() {}

    static long decode(byte[] body, String provider) {
        try {
            AnthropicWire.TokenCount count = AnthropicWire.JSON.readValue(body, AnthropicWire.TokenCount.class);
            if (count != null && count.inputTokens() != null) {
                return count.inputTokens();
            }
        } catch (JacksonException e) {
            // reported below
        }
        throw new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, provider
                + ": malformed count_tokens answer (expected {\"input_tokens\":N}, upstream 200)",
                GatewayException.Origin.upstream(provider, 200, null));
    }
}
