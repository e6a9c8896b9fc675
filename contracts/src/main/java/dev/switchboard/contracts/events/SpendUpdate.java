package dev.switchboard.contracts.events;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.config.Budget;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What cost-service has recorded for one budget owner ({@code scope} {@code key} or {@code team}, {@code owner} the
 * key's principal name or the team id), in USD, as of {@code asOf}: the UTC day, ISO week, calendar month and all
 * time holding {@code asOf}. Published on the compacted {@code spend-updates} topic keyed by {@link #recordKey()};
 * routers raise their budget counters to it, so spend they did not see themselves (a restart, a replica without the
 * shared ledger, an admin's price override) still counts.
 */
public record SpendUpdate(String scope, String owner, Instant asOf, BigDecimal daily, BigDecimal weekly,
                          BigDecimal monthly, BigDecimal total) {

    public static final int VERSION = 1;
    public static final String TOPIC = "spend-updates";

    public SpendUpdate {
        requireNonNull(scope, "scope");
        requireNonNull(owner, "owner");
        requireNonNull(asOf, "asOf");
        requireNonNull(daily, "daily");
        requireNonNull(weekly, "weekly");
        requireNonNull(monthly, "monthly");
        requireNonNull(total, "total");
    }

    public String recordKey() {
        return scope + ":" + owner;
    }

    /** The spend in the window of {@code period} holding {@code asOf}. */
    public BigDecimal spent(Budget.Period period) {
        return switch (period) {
            case DAILY -> daily;
            case WEEKLY -> weekly;
            case MONTHLY -> monthly;
            case TOTAL -> total;
        };
    }
}
