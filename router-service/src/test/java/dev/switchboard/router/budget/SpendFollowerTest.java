package dev.switchboard.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.config.ConfigParser;
import dev.switchboard.contracts.events.SpendUpdate;
import dev.switchboard.policyview.Governance;
import dev.switchboard.policyview.RemotePolicy;
import dev.switchboard.testkit.TempYaml;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpendFollowerTest {

    private final Instant now = Instant.parse("2026-11-25T15:00:00Z");
    private final InMemoryBudgetLedger ledger = new InMemoryBudgetLedger(new BudgetAlerts(null, hold -> { }));

    private SpendFollower follower() {
        var config = new ConfigFile(TempYaml.write("""
                providers: { mock: { kind: mock } }
                models: { echo: mock/echo }
                teams:
                  - { name: payments, budgets: [ { limit: "10", period: daily }, { limit: "100", period: total } ] }
                keys:
                  - { name: app, key-sha256: %s, team: payments, budgets: [ { limit: "5", period: monthly } ] }
                """.formatted(ConfigParser.sha256("k"))), new ConfigParser(name -> null, Set.of("mock")), c -> c);
        return new SpendFollower(new Governance(config, RemotePolicy.none(), null), ledger,
                Clock.fixed(now, ZoneOffset.UTC), null);
    }

    private static SpendUpdate update(String scope, String owner, Instant asOf, String daily, String total) {
        return new SpendUpdate(scope, owner, asOf, new BigDecimal(daily), new BigDecimal(daily),
                new BigDecimal("4.25"), new BigDecimal(total));
    }

    @Test
    void raisesEveryBudgetWindowOfTheOwnerToTheRecordedSpend() {
        follower().apply(List.of(update("key", "app", now, "1", "7"), update("team", "payments", now, "3.5", "42.000001")));

        assertThat(ledger.usage("key:app:monthly:2026-11-01")).containsExactly(4_250_000, 0);
        assertThat(ledger.usage("team:payments:daily:2026-11-25")).containsExactly(3_500_000, 0);
        assertThat(ledger.usage("team:payments:total:1970-01-01")).containsExactly(42_000_001, 0);
    }

    @Test
    void ignoresEarlierWindowsAndOwnersWithoutBudgets() {
        var follower = follower();
        follower.apply(List.of(update("team", "payments", Instant.parse("2026-11-24T23:00:00Z"), "9", "50"),
                update("key", "stranger", now, "1", "1"), update("org", "acme", now, "1", "1")));

        assertThat(ledger.usage("team:payments:daily:2026-11-25")).as("yesterday's day").containsExactly(0, 0);
        assertThat(ledger.usage("team:payments:total:1970-01-01")).as("all time holds").containsExactly(50_000_000, 0);
    }
}
