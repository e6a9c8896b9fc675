package dev.switchboard.router.budget;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The ledger of one process (all-in-one, or a single router): exact, since every operation holds the lock. Windows
 * are dropped a day after they end, so a late settle still finds its window.
 */
public final class InMemoryBudgetLedger implements BudgetLedger {

    static final Duration GRACE = Duration.ofDays(1);

    private final BudgetAlerts alerts;
    private final Map<String, Window> windows = new HashMap<>();
    private Instant nextSweep = Instant.MIN;

    public InMemoryBudgetLedger(BudgetAlerts alerts) {
        this.alerts = requireNonNull(alerts, "alerts");
    }

    @Override
    public synchronized Reservation reserve(List<BudgetKey> budgets, long microsWorstCase, Instant now) {
        requireNonNegative(microsWorstCase);
        sweep(now);
        List<Reservation.Hold> holds = Reservation.windows(budgets, now);
        for (Reservation.Hold hold : holds) {
            Window window = windows.get(hold.id());
            long used = window == null ? 0 : window.spent + window.reserved;
            if (microsWorstCase > hold.budget().budget().limitMicros() - used) {
                throw BudgetExceededException.at(hold);
            }
        }
        for (Reservation.Hold hold : holds) {
            windows.computeIfAbsent(hold.id(), id -> new Window(hold.end())).reserved += microsWorstCase;
        }
        return new Reservation(holds, microsWorstCase);
    }

    @Override
    public void settle(Reservation reservation, long actualMicros) {
        requireNonNegative(actualMicros);
        List<Reservation.Hold> crossed = new ArrayList<>();
        List<Long> spent = new ArrayList<>();
        synchronized (this) {
            for (Reservation.Hold hold : reservation.holds()) {
                Window window = windows.computeIfAbsent(hold.id(), id -> new Window(hold.end()));
                window.reserved = Math.max(0, window.reserved - reservation.micros());
                window.spent += actualMicros;
                long alertAt = hold.budget().budget().alertMicros();
                if (alertAt >= 0 && !window.alerted && window.spent >= alertAt) {
                    window.alerted = true;
                    crossed.add(hold);
                    spent.add(window.spent);
                }
            }
        }
        for (int i = 0; i < crossed.size(); i++) {
            alerts.crossed(crossed.get(i), spent.get(i));
        }
    }

    @Override
    public synchronized void raiseSpent(BudgetKey budget, Instant now, long micros) {
        Reservation.Hold hold = Reservation.windows(List.of(budget), now).getFirst();
        Window window = windows.computeIfAbsent(hold.id(), id -> new Window(hold.end()));
        window.spent = Math.max(window.spent, micros);
    }

    /** Spent and reserved micro-dollars of a window, for tests and diagnostics. */
    synchronized long[] usage(String windowId) {
        Window window = windows.get(windowId);
        return window == null ? new long[] {0, 0} : new long[] {window.spent, window.reserved};
    }

    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(Duration.ofHours(1));
        windows.values().removeIf(w -> w.end != null && w.end.plus(GRACE).isBefore(now));
    }

    private static void requireNonNegative(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("amount of " + micros + " micro-dollars (expected >= 0)");
        }
    }

    private static final class Window {
        final @Nullable Instant end;
        long spent;
        long reserved;
        boolean alerted;

        Window(@Nullable Instant end) {
            this.end = end;
        }
    }
}
