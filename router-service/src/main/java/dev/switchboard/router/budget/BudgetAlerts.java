package dev.switchboard.router.budget;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soft alerts: the ledgers call {@link #crossed} once per budget window, when its spend first reaches
 * {@code alert-at} of the limit. Logs a WARN and counts {@code switchboard.budget.alerts} (tags scope, budget).
 */
public final class BudgetAlerts {

    private static final Logger log = LoggerFactory.getLogger(BudgetAlerts.class);

    private final @Nullable MeterRegistry meters;
    private final Consumer<Reservation.Hold> listener;

    public BudgetAlerts(@Nullable MeterRegistry meters) {
        this(meters, hold -> { });
    }

    /** With a listener that also hears every alert (tests). */
    public BudgetAlerts(@Nullable MeterRegistry meters, Consumer<Reservation.Hold> listener) {
        this.meters = meters;
        this.listener = listener;
    }

    public static BudgetAlerts logOnly() {
        return new BudgetAlerts(null);
    }

    void crossed(Reservation.Hold hold, long spentMicros) {
        var budget = hold.budget().budget();
        log.warn("{} has reached {} of its limit in the window from {}: {} USD spent",
                hold.budget().describe(), budget.alertAt() == null ? "" : budget.alertAt().toPlainString(),
                hold.start(), BigDecimal.valueOf(spentMicros, 6).toPlainString());
        if (meters != null) {
            meters.counter("switchboard.budget.alerts", "scope", hold.budget().scope(), "budget", budget.name())
                    .increment();
        }
        listener.accept(hold);
    }
}
