package dev.switchboard.cost.ingest;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent.AttemptRecord;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one request costs.
 *
 * @param totalUsd the served attempt plus every other billed attempt, rounded half up to the nano-dollar; {@code null}
 *                 when any billed part has no known price (never a partial sum)
 * @param servedUsage the served attempt's usage, {@code null} when none was served or it reported none
 * @param attempts every attempt with its own cost
 * @param unpriced why {@code totalUsd} is null: one {@code provider/model} (or reason) per unpriced part
 */
public record Charge(@Nullable BigDecimal totalUsd, @Nullable TokenUsage servedUsage, List<AttemptCharge> attempts,
                     List<String> unpriced) {

    public Charge {
        attempts = List.copyOf(attempts);
        unpriced = List.copyOf(unpriced);
    }

    /**
     * One attempt and its cost: {@code null} when it reported no usage (nothing is charged for it) or when its price
     * is unknown; {@code served} marks the attempt whose answer the caller got.
     */
    public record AttemptCharge(AttemptRecord attempt, boolean served, @Nullable BigDecimal costUsd,
                                @Nullable String priceSource) {
        public AttemptCharge {
            requireNonNull(attempt, "attempt");
        }
    }
}
