package dev.switchboard.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.Budget;
import io.lettuce.core.RedisClient;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ledger contract on the machine's Redis (127.0.0.1:6379), each test under its own key prefix. */
class RedisBudgetLedgerIT extends BudgetLedgerContract {

    private static final String URL = System.getProperty("switchboard.test.redis-url", "redis://127.0.0.1:6379/0");

    private final String prefix = "switchboard-test:" + UUID.randomUUID() + ":";
    private final List<RedisBudgetLedger> opened = new ArrayList<>();

    @Override
    protected BudgetLedger ledger() {
        var ledger = new RedisBudgetLedger(URL, prefix, alerts(), clock);
        opened.add(ledger);
        return ledger;
    }

    @Override
    protected long[] usage(String windowId) {
        return opened.getFirst().usage(windowId);
    }

    @AfterEach
    void removeKeysAndClose() {
        RedisClient client = RedisClient.create(URL);
        try (var connection = client.connect()) {
            List<String> keys = connection.sync().keys(prefix + "*");
            if (!keys.isEmpty()) {
                connection.sync().del(keys.toArray(String[]::new));
            }
        } finally {
            client.shutdown();
        }
        opened.forEach(RedisBudgetLedger::close);
    }

    @Test
    void twoReplicasShareOneLimit() throws Exception {
        BudgetLedger first = ledger();
        BudgetLedger second = ledger();
        BudgetKey monthly = budget("1.00", Budget.Period.MONTHLY, "0.5");

        int accepted = reserveConcurrently(List.of(first, second), monthly, 200, 7_000);

        assertThat(accepted).isEqualTo(1_000_000 / 7_000);
        assertThat(usage("key:app:monthly:2026-11-01")).containsExactly(0, accepted * 7_000L);
    }

    @Test
    void onlyOneReplicaAlertsPerWindow() {
        BudgetLedger first = ledger();
        BudgetLedger second = ledger();
        BudgetKey monthly = budget("1.00", Budget.Period.MONTHLY, "0.5");

        first.settle(first.reserve(List.of(monthly), 600_000, clock.instant()), 600_000);
        second.settle(second.reserve(List.of(monthly), 100_000, clock.instant()), 100_000);

        assertThat(alerted).hasSize(1);
    }

    @Test
    void windowsExpireADayAfterTheyEnd() {
        BudgetLedger ledger = ledger();
        ledger.reserve(List.of(budget("1", Budget.Period.DAILY, null)), 1, clock.instant());
        RedisClient client = RedisClient.create(URL);
        try (var connection = client.connect()) {
            // 15:00 → midnight (9 h) plus the day of grace
            assertThat(connection.sync().ttl(prefix + "key:app:daily:2026-11-25"))
                    .isBetween(33 * 3600L - 5, 33 * 3600L);
        } finally {
            client.shutdown();
        }
    }
}
