package dev.switchboard.router.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.error.ErrorCategory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What every {@link BudgetLedger} must do; run against the in-memory and the Redis ledger. */
abstract class BudgetLedgerContract {

    protected final MovableClock clock = new MovableClock(Instant.parse("2026-11-25T15:00:00Z"));
    protected final List<Reservation.Hold> alerted = Collections.synchronizedList(new ArrayList<>());

    /** A fresh, empty ledger whose alerts go to {@link #alerted}. */
    protected abstract BudgetLedger ledger();

    /** Spent and reserved micro-dollars of a window. */
    protected abstract long[] usage(String windowId);

    protected BudgetAlerts alerts() {
        return new BudgetAlerts(null, alerted::add);
    }

    static BudgetKey budget(String limit, Budget.Period period, @Nullable String alertAt) {
        return BudgetKey.ofKey("app", new Budget(new BigDecimal(limit), period,
                alertAt == null ? null : new BigDecimal(alertAt)));
    }

    @Test
    void reservesThenSettlesTheActualCost() {
        BudgetLedger ledger = ledger();
        BudgetKey monthly = budget("1.00", Budget.Period.MONTHLY, null);

        Reservation r = ledger.reserve(List.of(monthly), 300_000, clock.instant());
        assertThat(usage("key:app:monthly:2026-11-01")).containsExactly(0, 300_000);

        ledger.settle(r, 120_000);
        assertThat(usage("key:app:monthly:2026-11-01")).containsExactly(120_000, 0);
        ledger.settle(ledger.reserve(List.of(monthly), 880_000, clock.instant()), 0);
        assertThat(usage("key:app:monthly:2026-11-01")).as("a request that used nothing releases everything")
                .containsExactly(120_000, 0);
    }

    @Test
    void recordedSpendRaisesTheCounterButNeverLowersIt() {
        BudgetLedger ledger = ledger();
        BudgetKey monthly = budget("1.00", Budget.Period.MONTHLY, null);
        ledger.settle(ledger.reserve(List.of(monthly), 300_000, clock.instant()), 200_000);

        ledger.raiseSpent(monthly, clock.instant(), 150_000);
        assertThat(usage("key:app:monthly:2026-11-01")).as("cost-service has not seen it all yet")
                .containsExactly(200_000, 0);
        ledger.raiseSpent(monthly, clock.instant(), 900_000);
        assertThat(usage("key:app:monthly:2026-11-01")).containsExactly(900_000, 0);
        assertThatThrownBy(() -> ledger.reserve(List.of(monthly), 100_001, clock.instant()))
                .isInstanceOf(BudgetExceededException.class);
        ledger.reserve(List.of(monthly), 100_000, clock.instant());
    }

    @Test
    void refusesAReservationThatDoesNotFitNamingTheBudgetAndItsReset() {
        BudgetLedger ledger = ledger();
        BudgetKey monthly = budget("1.00", Budget.Period.MONTHLY, null);
        ledger.reserve(List.of(monthly), 600_000, clock.instant());
        ledger.reserve(List.of(monthly), 400_000, clock.instant());

        assertThatThrownBy(() -> ledger.reserve(List.of(monthly), 1, clock.instant()))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.BUDGET_EXCEEDED);
                    assertThat(e.budget()).isEqualTo(monthly);
                    assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
                    assertThat(e.getMessage()).isEqualTo("budget 'monthly' of key 'app' (1.00 USD) would be exceeded "
                            + "by this request; it resets at 2026-12-01T00:00:00Z");
                });
        assertThat(usage("key:app:monthly:2026-11-01")).containsExactly(0, 1_000_000);
    }

    @Test
    void reservesAllBudgetsOrNoneAndNamesTheFirstThatRefuses() {
        BudgetLedger ledger = ledger();
        BudgetKey monthly = budget("10", Budget.Period.MONTHLY, null);
        BudgetKey daily = budget("1", Budget.Period.DAILY, null);
        ledger.settle(ledger.reserve(List.of(monthly, daily), 900_000, clock.instant()), 900_000);

        assertThatThrownBy(() -> ledger.reserve(List.of(monthly, daily), 200_000, clock.instant()))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.budget()).isEqualTo(daily);
                    assertThat(e.resetsAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
                });
        assertThat(usage("key:app:monthly:2026-11-01")).as("nothing reserved in the budget that had room")
                .containsExactly(900_000, 0);
        assertThat(usage("key:app:daily:2026-11-25")).containsExactly(900_000, 0);
    }

    @Test
    void aNewWindowStartsFromZeroAndLateSettlesGoToTheirOwnWindow() {
        BudgetLedger ledger = ledger();
        BudgetKey daily = budget("1", Budget.Period.DAILY, null);
        ledger.settle(ledger.reserve(List.of(daily), 800_000, clock.instant()), 800_000);
        Reservation open = ledger.reserve(List.of(daily), 150_000, clock.instant());
        assertThatThrownBy(() -> ledger.reserve(List.of(daily), 100_000, clock.instant()))
                .isInstanceOf(BudgetExceededException.class);

        clock.advance(Duration.ofHours(9)); // 2026-11-26T00:00Z
        Reservation tomorrow = ledger.reserve(List.of(daily), 1_000_000, clock.instant());
        ledger.settle(open, 100_000);

        assertThat(usage("key:app:daily:2026-11-25")).containsExactly(900_000, 0);
        assertThat(usage("key:app:daily:2026-11-26")).containsExactly(0, 1_000_000);
        ledger.settle(tomorrow, 10);
        assertThat(usage("key:app:daily:2026-11-26")).containsExactly(10, 0);
    }

    @Test
    void aTotalBudgetNeverResets() {
        BudgetLedger ledger = ledger();
        BudgetKey total = budget("0.50", Budget.Period.TOTAL, null);
        ledger.settle(ledger.reserve(List.of(total), 500_000, clock.instant()), 500_000);
        clock.advance(Duration.ofDays(400));

        assertThatThrownBy(() -> ledger.reserve(List.of(total), 1, clock.instant()))
                .isInstanceOfSatisfying(BudgetExceededException.class, e -> {
                    assertThat(e.resetsAt()).isNull();
                    assertThat(e.getMessage()).endsWith("it is a total budget and does not reset");
                });
    }

    @Test
    void theSoftAlertFiresOncePerWindow() {
        BudgetLedger ledger = ledger();
        BudgetKey daily = budget("1.00", Budget.Period.DAILY, "0.5");
        ledger.settle(ledger.reserve(List.of(daily), 400_000, clock.instant()), 400_000);
        assertThat(alerted).isEmpty();

        ledger.settle(ledger.reserve(List.of(daily), 200_000, clock.instant()), 100_000);
        ledger.settle(ledger.reserve(List.of(daily), 200_000, clock.instant()), 100_000);
        assertThat(alerted).singleElement().satisfies(h -> assertThat(h.id()).isEqualTo("key:app:daily:2026-11-25"));

        clock.advance(Duration.ofDays(1));
        ledger.settle(ledger.reserve(List.of(daily), 600_000, clock.instant()), 600_000);
        assertThat(alerted).extracting(Reservation.Hold::id)
                .containsExactly("key:app:daily:2026-11-25", "key:app:daily:2026-11-26");
    }

    @Test
    void manyConcurrentReservationsNeverExceedTheLimit() throws Exception {
        BudgetLedger ledger = ledger();
        BudgetKey monthly = budget("1.00", Budget.Period.MONTHLY, null);
        int accepted = reserveConcurrently(List.of(ledger), monthly, 200, 7_000);

        assertThat((long) accepted * 7_000).isLessThanOrEqualTo(1_000_000);
        assertThat(accepted).as("every reservation that fits is taken").isEqualTo(1_000_000 / 7_000);
        assertThat(usage("key:app:monthly:2026-11-01")).containsExactly(0, accepted * 7_000L);
    }

    /** {@code tasks} reservations of {@code micros} from 16 threads, spread over {@code ledgers}; how many fit. */
    protected int reserveConcurrently(List<BudgetLedger> ledgers, BudgetKey budget, int tasks, long micros)
            throws Exception {
        var accepted = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            BudgetLedger ledger = ledgers.get(i % ledgers.size());
            work.add(() -> {
                try {
                    ledger.reserve(List.of(budget), micros, clock.instant());
                    accepted.incrementAndGet();
                } catch (BudgetExceededException refused) {
                    // expected once the limit is reached
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        return accepted.get();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
