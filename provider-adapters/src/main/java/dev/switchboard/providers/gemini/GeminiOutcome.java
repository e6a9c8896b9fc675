package dev.switchboard.providers.gemini;

import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.TokenUsage;

/** Gemini's finish reasons and usage in canonical terms (provider-protocols §5.7, §5.8). */
final class GeminiOutcome {

    private GeminiOutcome() {}

    /**
     * {@code STOP} also ends a turn that called functions, so calls turn it into TOOL_CALLS. Model failures
     * ({@code MALFORMED_FUNCTION_CALL}, ...) and the rest end the turn as STOP.
     */
    static FinishReason finishReason(String reason, boolean toolCalls) {
        return switch (reason) {
            case "MAX_TOKENS" -> FinishReason.LENGTH;
            case "SAFETY", "PROHIBITED_CONTENT", "BLOCKLIST", "SPII", "IMAGE_SAFETY", "IMAGE_PROHIBITED_CONTENT",
                 "LANGUAGE" -> FinishReason.CONTENT_FILTER;
            case "STOP" -> toolCalls ? FinishReason.TOOL_CALLS : FinishReason.STOP;
            default -> FinishReason.STOP;
        };
    }

    /** OpenAI convention: input counts tool-use prompts and cached tokens, output counts thoughts. */
    static TokenUsage usage(GeminiWire.UsageMetadata u) {
        return new TokenUsage(u.promptTokenCount() + u.toolUsePromptTokenCount(),
                u.candidatesTokenCount() + u.thoughtsTokenCount(), u.cachedContentTokenCount(), 0,
                u.thoughtsTokenCount());
    }
}
