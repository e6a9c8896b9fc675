package dev.switchboard.cost.web;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/**
 * An inclusive range of UTC days from the {@code from} and {@code to} query parameters. Either may be left out:
 * {@code to} defaults to today, {@code from} to 29 days before {@code to} (30 days in all).
 */
public record DateRange(LocalDate from, LocalDate to) {

    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 366;

    public DateRange {
        requireNonNull(from, "from");
        requireNonNull(to, "to");
    }

    public static DateRange of(@Nullable LocalDate from, @Nullable LocalDate to, Clock clock) {
        LocalDate end = to != null ? to : LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate start = from != null ? from : end.minusDays(DEFAULT_DAYS - 1);
        if (start.isAfter(end)) {
            throw ApiException.badRequest("'from' " + start + " is after 'to' " + end + " (expected from <= to)");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw ApiException.badRequest("range " + start + " to " + end + " spans more than " + MAX_DAYS
                    + " days (expected a shorter range)");
        }
        return new DateRange(start, end);
    }

    /** The first instant of {@code from}, UTC. */
    public OffsetDateTime startInclusive() {
        return from.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    /** The first instant after {@code to}, UTC. */
    public OffsetDateTime endExclusive() {
        return to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
