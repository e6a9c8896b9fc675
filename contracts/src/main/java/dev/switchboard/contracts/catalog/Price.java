package dev.switchboard.contracts.catalog;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.TokenUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/**
 * A model's list price in USD per million tokens. {@code cachedInput} and {@code cacheWrite} are {@code null} when
 * the model has no separate price for them (or it is unknown); those tokens are then billed at {@code input}.
 *
 * <p>All arithmetic is exact {@link BigDecimal}: no rounding happens until {@link #costMicros(TokenUsage)}. Costs
 * come back with the smallest scale that holds them exactly (at most the price's scale plus 6).
 */
public record Price(BigDecimal input, BigDecimal output, @Nullable BigDecimal cachedInput,
                    @Nullable BigDecimal cacheWrite) {

    private static final int PER_MILLION = 6;

    public Price {
        requireNonNegative(input, "input");
        requireNonNegative(output, "output");
        if (cachedInput != null) {
            requireNonNegative(cachedInput, "cachedInput");
        }
        if (cacheWrite != null) {
            requireNonNegative(cacheWrite, "cacheWrite");
        }
    }

    /** A price with no separate cached-input or cache-write rate. */
    public static Price of(BigDecimal input, BigDecimal output) {
        return new Price(input, output, null, null);
    }

    /** The price of cache reads: {@code cachedInput}, or {@code input} when there is no separate rate. */
    public BigDecimal effectiveCachedInput() {
        return cachedInput != null ? cachedInput : input;
    }

    /** The price of cache writes: {@code cacheWrite}, or {@code input} when there is no separate rate. */
    public BigDecimal effectiveCacheWrite() {
        return cacheWrite != null ? cacheWrite : input;
    }

    /**
     * The exact cost in USD of {@code usage} (OpenAI convention): each input token is billed once, either as a cache
     * read, a cache write or plain input; output tokens, reasoning included, at the output price.
     *
     * @throws IllegalArgumentException if a count is negative or cached plus cache-write tokens exceed input
     */
    public BigDecimal cost(TokenUsage usage) {
        requireNonNull(usage, "usage");
        long uncached = uncachedInput(usage);
        BigDecimal perMillion = input.multiply(BigDecimal.valueOf(uncached))
                .add(effectiveCachedInput().multiply(BigDecimal.valueOf(usage.cachedInput())))
                .add(effectiveCacheWrite().multiply(BigDecimal.valueOf(usage.cacheWrite())))
                .add(output.multiply(BigDecimal.valueOf(usage.output())));
        return canonical(perMillion.movePointLeft(PER_MILLION));
    }

    /** {@link #cost(TokenUsage)} in whole micro-dollars (millionths of a USD), rounded half up, for display. */
    public long costMicros(TokenUsage usage) {
        return cost(usage).movePointRight(PER_MILLION).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /** The exact cost in USD of a request with this many (uncached) input and output tokens. */
    public BigDecimal expectedCost(long inputTokens, long outputTokens) {
        return cost(TokenUsage.of(inputTokens, outputTokens));
    }

    /** The same value without trailing zeros and never in exponent form, so equal costs are {@code equals}. */
    private static BigDecimal canonical(BigDecimal amount) {
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static long uncachedInput(TokenUsage usage) {
        requireNonNegative(usage.input(), "input");
        requireNonNegative(usage.output(), "output");
        requireNonNegative(usage.cachedInput(), "cachedInput");
        requireNonNegative(usage.cacheWrite(), "cacheWrite");
        long uncached = usage.input() - usage.cachedInput() - usage.cacheWrite();
        if (uncached < 0) {
            throw new IllegalArgumentException("token usage has cachedInput " + usage.cachedInput()
                    + " + cacheWrite " + usage.cacheWrite() + " > input " + usage.input()
                    + " (expected input to include cached and cache-write tokens, OpenAI convention)");
        }
        return uncached;
    }

    private static void requireNonNegative(@Nullable BigDecimal price, String name) {
        requireNonNull(price, name);
        if (price.signum() < 0) {
            throw new IllegalArgumentException(name + " price " + price.toPlainString() + " is negative (expected >= 0)");
        }
    }

    private static void requireNonNegative(long tokens, String name) {
        if (tokens < 0) {
            throw new IllegalArgumentException("token usage " + name + " is " + tokens + " (expected >= 0)");
        }
    }
}
