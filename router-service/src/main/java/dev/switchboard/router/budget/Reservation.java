package dev.switchboard.router.budget;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What {@link BudgetLedger#reserve} set aside for one request: {@code micros} in the current window of every budget.
 * Settling goes to the same windows, even when the request ends after one of them rolled over.
 */
public record Reservation(List<Hold> holds, long micros) {

    public Reservation {
        holds = List.copyOf(holds);
        if (micros < 0) {
            throw new IllegalArgumentException("reservation of " + micros + " micro-dollars (expected >= 0)");
        }
    }

    /** The windows of {@code budgets} that hold {@code now}. */
    static List<Hold> windows(List<BudgetKey> budgets, Instant now) {
        return budgets.stream().map(b -> new Hold(b, b.budget().period().start(now), b.budget().period().end(now)))
                .toList();
    }

    /** One budget's window: from {@code start} to {@code end}, when it resets ({@code null}: never). */
    public record Hold(BudgetKey budget, Instant start, @Nullable Instant end) {
        public Hold {
            requireNonNull(budget, "budget");
            requireNonNull(start, "start");
        }

        /** The window's stable id, e.g. {@code key:app:monthly:2026-11-01}. */
        public String id() {
            return budget.scope() + ":" + budget.owner() + ":" + budget.budget().name() + ":"
                    + LocalDate.ofInstant(start, ZoneOffset.UTC);
        }
    }
}
