package dev.switchboard.providers.anthropic;

import dev.switchboard.contracts.chat.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic usage → the canonical OpenAI convention (provider-protocols §2.6, §5.8): input counts the uncached, the
 * cache-written and the cache-read tokens; output already includes thinking.
 */
final class AnthropicUsage {

    private AnthropicUsage() {}

    /** The newer report over the older, field by field: counts are cumulative, so present ones replace. */
    static AnthropicWire.@Nullable Usage merge(AnthropicWire.@Nullable Usage older, AnthropicWire.@Nullable Usage newer) {
        if (older == null || newer == null) {
            return newer == null ? older : newer;
        }
        return new AnthropicWire.Usage(
                newer.inputTokens() != null ? newer.inputTokens() : older.inputTokens(),
                newer.outputTokens() != null ? newer.outputTokens() : older.outputTokens(),
                newer.cacheCreationInputTokens() != null ? newer.cacheCreationInputTokens() : older.cacheCreationInputTokens(),
                newer.cacheReadInputTokens() != null ? newer.cacheReadInputTokens() : older.cacheReadInputTokens(),
                newer.outputTokensDetails() != null ? newer.outputTokensDetails() : older.outputTokensDetails());
    }

    static TokenUsage normalise(AnthropicWire.Usage u) {
        long uncached = orZero(u.inputTokens());
        long cacheWrite = orZero(u.cacheCreationInputTokens());
        long cacheRead = orZero(u.cacheReadInputTokens());
        long reasoning = u.outputTokensDetails() == null ? 0 : orZero(u.outputTokensDetails().thinkingTokens());
        return new TokenUsage(uncached + cacheWrite + cacheRead, orZero(u.outputTokens()), cacheRead, cacheWrite, reasoning);
    }

    private static long orZero(@Nullable Long n) {
        return n == null ? 0 : n;
    }
}
