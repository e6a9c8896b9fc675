package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A spending limit: at most {@code limit} USD per {@code period}, with an optional soft alert once spend reaches
 * {@code alertAt} (a fraction, e.g. {@code 0.8}) of it. Periods are UTC windows: the day, the ISO week (from Monday),
 * the calendar month, or all time ({@link Period#TOTAL}, which never resets).
 */
public record Budget(BigDecimal limit, Period period, @Nullable BigDecimal alertAt) {

    /** Micro-dollars per dollar: the ledger counts whole millionths of a USD. */
    public static final int MICROS_SCALE = 6;

    public Budget {
        requireNonNull(limit, "limit");
        requireNonNull(period, "period");
        if (limit.signum() < 0) {
            throw new IllegalArgumentException("budget limit " + limit.toPlainString()
                    + " is negative (expected >= 0)");
        }
        if (alertAt != null && (alertAt.signum() <= 0 || alertAt.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("budget alert-at " + alertAt.toPlainString()
                    + " is out of range (expected more than 0 and at most 1)");
        }
    }

    /** The budget's name in messages and counters: its period, e.g. {@code monthly}. */
    public String name() {
        return period.label();
    }

    /** The limit in whole micro-dollars (never more than the limit). */
    public long limitMicros() {
        return limit.movePointRight(MICROS_SCALE).setScale(0, RoundingMode.DOWN).longValueExact();
    }

    /** The spend, in micro-dollars, at which the soft alert fires, or -1 when there is no alert. */
    public long alertMicros() {
        if (alertAt == null) {
            return -1;
        }
        return alertAt.multiply(BigDecimal.valueOf(limitMicros())).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** How often a budget starts again from zero. Windows are in UTC. */
    public enum Period {
        DAILY, WEEKLY, MONTHLY, TOTAL;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The first instant of the window holding {@code now}; {@link Instant#EPOCH} for {@link #TOTAL}. */
        public Instant start(Instant now) {
            LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
            LocalDate first = switch (this) {
                case DAILY -> day;
                case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                case MONTHLY -> day.withDayOfMonth(1);
                case TOTAL -> LocalDate.EPOCH;
            };
            return first.atStartOfDay(ZoneOffset.UTC).toInstant();
        }

        /** When the window holding {@code now} ends and the budget resets; {@code null} for {@link #TOTAL}. */
        public @Nullable Instant end(Instant now) {
            LocalDate first = LocalDate.ofInstant(start(now), ZoneOffset.UTC);
            LocalDate next = switch (this) {
                case DAILY -> first.plusDays(1);
                case WEEKLY -> first.plusWeeks(1);
                case MONTHLY -> first.plusMonths(1);
                case TOTAL -> null;
            };
            return next == null ? null : next.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
    }
}
