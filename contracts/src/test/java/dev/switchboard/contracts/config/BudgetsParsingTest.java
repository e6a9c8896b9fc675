package dev.switchboard.contracts.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BudgetsParsingTest {

    private final ConfigParser parser = new ConfigParser(Map.of("APP_KEY", "sb-app-secret")::get, Set.of("mock"));

    private SwitchboardConfig parse(String keys) {
        return parser.parse("""
                providers:
                  mock: { kind: mock }
                models:
                  echo: mock/echo
                keys:
                """ + keys, "switchboard.yaml");
    }

    @Test
    void readsBudgetsWithExactLimitsPeriodsAndAlerts() {
        var config = parse("""
                  - name: app
                    key: env:APP_KEY
                    budgets:
                      - { limit: "25.00", period: monthly, alert-at: 0.8 }
                      - { limit: 1.5, period: daily }
                      - { limit: "0.000001", period: total }
                """);

        KeyConfig key = config.keyByHash(ConfigParser.sha256("sb-app-secret")).orElseThrow();
        assertThat(key.budgets()).containsExactly(
                new Budget(new BigDecimal("25.00"), Budget.Period.MONTHLY, new BigDecimal("0.8")),
                new Budget(new BigDecimal("1.5"), Budget.Period.DAILY, null),
                new Budget(new BigDecimal("0.000001"), Budget.Period.TOTAL, null));
        assertThat(key.budgets().getFirst().limit().toPlainString()).isEqualTo("25.00");
        assertThat(key.budgets().getFirst().limitMicros()).isEqualTo(25_000_000L);
        assertThat(key.budgets().getFirst().alertMicros()).isEqualTo(20_000_000L);
        assertThat(key.budgets().get(1).alertMicros()).isEqualTo(-1L);
        assertThat(key.budgets().get(2).limitMicros()).isEqualTo(1L);
    }

    @Test
    void keysWithoutBudgetsHaveNone() {
        var config = parse("  - { name: app, key: env:APP_KEY }\n");
        assertThat(config.keysByHash().values()).singleElement()
                .satisfies(key -> assertThat(key.budgets()).isEmpty());
    }

    @Test
    void reportsEveryBadBudgetWithItsPath() {
        assertThatThrownBy(() -> parse("""
                  - name: app
                    key: env:APP_KEY
                    budgets:
                      - { limit: "ten", period: monthly }
                      - { limit: "-1", period: daily }
                      - { limit: "1.0000001", period: weekly }
                      - { limit: 5, period: yearly, alert-at: 1.5 }
                      - { period: total, colour: red }
                      - { limit: 1, period: weekly }
                      - { limit: 2, period: weekly }
                """))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactlyInAnyOrder(
                        "keys[0].budgets[0].limit: expected a limit in USD such as \"25.00\", got 'ten'",
                        "keys[0].budgets[1].limit: expected a limit of 0 or more USD, got '-1'",
                        "keys[0].budgets[2].limit: expected at most 6 decimal places (micro-dollars), got '1.0000001'",
                        "keys[0].budgets[3].period: unknown period 'yearly' (expected daily, weekly, monthly or total)",
                        "keys[0].budgets[3].alert-at: expected a fraction more than 0 and at most 1, got '1.5'",
                        "keys[0].budgets[4].colour: unknown key (expected one of: alert-at, limit, period)",
                        "keys[0].budgets[4]: limit is required (USD, e.g. \"25.00\")",
                        "keys[0].budgets[6]: a second weekly budget (expected at most one budget per period)"));
    }

    @Test
    void windowsAreUtcDaysIsoWeeksAndCalendarMonths() {
        Instant now = Instant.parse("2026-11-25T15:41:00Z"); // a Wednesday
        assertThat(Budget.Period.DAILY.start(now)).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(Budget.Period.DAILY.end(now)).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(Budget.Period.WEEKLY.start(now)).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
        assertThat(Budget.Period.WEEKLY.end(now)).isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(Budget.Period.MONTHLY.start(now)).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(Budget.Period.MONTHLY.end(now)).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
        assertThat(Budget.Period.TOTAL.start(now)).isEqualTo(Instant.EPOCH);
        assertThat(Budget.Period.TOTAL.end(now)).isNull();
        assertThat(Budget.Period.WEEKLY.start(Instant.parse("2026-11-30T00:00:00Z")))
                .as("Monday midnight starts a new week").isEqualTo(Instant.parse("2026-11-30T00:00:00Z"));
        assertThat(Budget.Period.MONTHLY.end(Instant.parse("2026-12-31T23:59:59Z")))
                .isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }
}
