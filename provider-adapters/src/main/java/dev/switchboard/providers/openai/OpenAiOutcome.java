package dev.switchboard.providers.openai;

import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.TokenUsage;
import org.jspecify.annotations.Nullable;

/**
 * How a completion ended and what it used, read the same way from a chunk stream ({@link OpenAiStreamDecoder}) and
 * from a whole {@code chat.completion} ({@link OpenAiResponseDecoder}), so both paths agree (provider-protocols §1.5,
 * §1.6, §4).
 */
final class OpenAiOutcome {

    private OpenAiOutcome() {}

    /** A wire {@code finish_reason}; Mistral's {@code error} is an upstream failure, not a reason. */
    static FinishReason finishReason(String reason, OpenAiErrorMapper errors) {
        return switch (reason) {
            case "error" -> throw errors.finishedWithError();
            case "length", "model_length" -> FinishReason.LENGTH;
            case "tool_calls", "function_call" -> FinishReason.TOOL_CALLS;
            case "content_filter" -> FinishReason.CONTENT_FILTER;
            default -> FinishReason.STOP;
        };
    }

    /**
     * The reason to report: none means STOP, and STOP with tool calls means TOOL_CALLS, because a named
     * {@code tool_choice} and Gemini-compat both say stop for tool turns (vllm-project/vllm#25054).
     */
    static FinishReason settle(@Nullable FinishReason reason, boolean toolCalls) {
        FinishReason settled = reason == null ? FinishReason.STOP : reason;
        return settled == FinishReason.STOP && toolCalls ? FinishReason.TOOL_CALLS : settled;
    }

    /** The standard {@code usage}, else Groq's {@code x_groq.usage} (vercel/ai#1651). */
    static OpenAiWire.@Nullable Usage reported(OpenAiWire.@Nullable Usage usage, OpenAiWire.@Nullable XGroq xGroq) {
        return usage != null ? usage : xGroq != null ? xGroq.usage() : null;
    }

    /** OpenAI convention; a total above prompt + completion means reasoning was left out of completion (xAI). */
    static TokenUsage normalise(OpenAiWire.Usage u) {
        long reasoning = u.completionTokensDetails() == null ? 0 : u.completionTokensDetails().reasoningTokens();
        long output = u.completionTokens();
        if (reasoning > 0 && u.totalTokens() > u.promptTokens() + u.completionTokens()) {
            output += reasoning;
        }
        long cached = u.promptTokensDetails() == null ? 0 : u.promptTokensDetails().cachedTokens();
        long cacheWrite = u.promptTokensDetails() == null ? 0 : u.promptTokensDetails().cacheWriteTokens();
        return new TokenUsage(u.promptTokens(), output, cached, cacheWrite, reasoning);
    }
}
