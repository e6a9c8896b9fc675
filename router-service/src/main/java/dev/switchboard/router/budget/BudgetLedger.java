package dev.switchboard.router.budget;

import java.time.Instant;
import java.util.List;

/**
 * Spend and open reservations per budget window, in whole micro-dollars. {@link #reserve} is all or nothing across
 * the budgets of one request: either every window takes the reservation or none does. Implementations:
 * {@link InMemoryBudgetLedger} (one process, exact) and {@link RedisBudgetLedger} (shared by router replicas).
 */
public interface BudgetLedger {

    /**
     * Sets aside {@code microsWorstCase} in the window holding {@code now} of every budget, if it fits in all of them
     * (spent + reserved + this request &lt;= limit).
     *
     * @throws BudgetExceededException naming the first budget, in list order, where it does not fit
     */
    Reservation reserve(List<BudgetKey> budgets, long microsWorstCase, Instant now);

    /** Releases the reservation and counts {@code actualMicros} as spent in the same windows. Call it once. */
    void settle(Reservation reservation, long actualMicros);

    /**
     * Raises the spend of {@code budget}'s window holding {@code now} to {@code micros} when it is lower: what
     * cost-service recorded for that owner and window. Never lowers it, so spend this ledger settled itself and
     * cost-service has not seen yet still counts.
     */
    void raiseSpent(BudgetKey budget, Instant now, long micros);

    /** Whether calls wait on the network, so callers keep them off event-loop threads. */
    default boolean blocking() {
        return false;
    }
}
