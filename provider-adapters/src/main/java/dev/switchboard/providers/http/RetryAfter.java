package dev.switchboard.providers.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The server's retry hint, by precedence (provider-protocols §6.2): {@code retry-after-ms}, {@code retry-after}
 * (seconds, fractional allowed, or an HTTP-date), then a text hint such as Groq's "Please try again in 5.289s".
 */
public final class RetryAfter {

    private static final Pattern TEXT_HINT = Pattern.compile("(?i)try again in ((?:[0-9.]+(?:ms|h|m|s))+)");
    private static final Pattern DURATION_PART = Pattern.compile("([0-9.]+)(ms|h|m|s)");

    private RetryAfter() {}

    public static @Nullable Duration from(HttpHeaders headers, @Nullable String message, Instant now) {
        Duration fromMs = millis(headers.get("retry-after-ms"));
        if (fromMs != null) {
            return fromMs;
        }
        Duration fromHeader = header(headers.get("retry-after"), now);
        if (fromHeader != null) {
            return fromHeader;
        }
        return message == null ? null : textHint(message);
    }

    static @Nullable Duration millis(@Nullable String value) {
        Double ms = number(value);
        return ms == null || ms < 0 ? null : Duration.ofNanos(Math.round(ms * 1_000_000));
    }

    static @Nullable Duration header(@Nullable String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Double seconds = number(value);
        if (seconds != null) {
            return seconds < 0 ? null : Duration.ofMillis(Math.round(seconds * 1000));
        }
        try {
            Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** "Please try again in 5.289s" or "in 1m30.5s" or "in 250ms". */
    static @Nullable Duration textHint(String message) {
        Matcher hint = TEXT_HINT.matcher(message);
        if (!hint.find()) {
            return null;
        }
        double millis = 0;
        Matcher part = DURATION_PART.matcher(hint.group(1));
        while (part.find()) {
            Double n = number(part.group(1));
            if (n == null) {
                return null;
            }
            millis += n * switch (part.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                default -> 3_600_000;
            };
        }
        return Duration.ofMillis(Math.round(millis));
    }

    private static @Nullable Double number(@Nullable String value) {
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
