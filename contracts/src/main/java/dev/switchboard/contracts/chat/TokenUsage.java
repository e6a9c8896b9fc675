package dev.switchboard.contracts.chat;

/**
 * Token counts in OpenAI's convention: {@code input} includes {@code cachedInput} and {@code cacheWrite},
 * {@code output} includes {@code reasoning}. Adapters normalise their provider's convention to this one.
 */
public record TokenUsage(long input, long output, long cachedInput, long cacheWrite, long reasoning) {

    public static final TokenUsage ZERO = new TokenUsage(0, 0, 0, 0, 0);

    public static TokenUsage of(long input, long output) {
        return new TokenUsage(input, output, 0, 0, 0);
    }

    public long total() {
        return input + output;
    }
}
