package dev.switchboard.router.budget;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A reservation that did not fit: 402 {@code budget_exceeded} (Anthropic: {@code billing_error}), naming the first
 * budget that refused and when it resets. Not 429: SDKs retry 429, and retrying cannot help before the reset.
 */
public final class BudgetExceededException extends GatewayException {

    private final transient BudgetKey budget;
    private final @Nullable Instant resetsAt;

    public BudgetExceededException(BudgetKey budget, @Nullable Instant resetsAt) {
        super(ErrorCategory.BUDGET_EXCEEDED, message(budget, resetsAt));
        this.budget = requireNonNull(budget, "budget");
        this.resetsAt = resetsAt;
    }

    static BudgetExceededException at(Reservation.Hold hold) {
        return new BudgetExceededException(hold.budget(), hold.end());
    }

    public BudgetKey budget() {
        return budget;
    }

    /** When the budget starts again from zero; {@code null} for a {@code total} budget. */
    public @Nullable Instant resetsAt() {
        return resetsAt;
    }

    private static String message(BudgetKey budget, @Nullable Instant resetsAt) {
        return budget.describe() + " would be exceeded by this request; "
                + (resetsAt == null ? "it is a total budget and does not reset" : "it resets at " + resetsAt);
    }
}
