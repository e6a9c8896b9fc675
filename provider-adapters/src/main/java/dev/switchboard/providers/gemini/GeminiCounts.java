package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import tools.jackson.core.JacksonException;

/** The {@code countTokens} answer, {@code {"totalTokens":N}}. */
final class GeminiCounts {

    private GeminiCounts() {}

    static long totalTokens(byte[] body, String provider) {
        try {
            GeminiWire.TokenCount count = body.length == 0 ? null
                    : GeminiWire.JSON.readValue(body, GeminiWire.TokenCount.class);
            if (count == null) {
                throw malformed(provider, "empty body");
            }
            return count.totalTokens();
        } catch (JacksonException e) {
            throw malformed(provider, e.getOriginalMessage());
        }
    }

    private static GatewayException malformed(String provider, String detail) {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                provider + ": malformed countTokens response (" + detail + ")",
                GatewayException.Origin.upstream(provider, 200, null));
    }
}
