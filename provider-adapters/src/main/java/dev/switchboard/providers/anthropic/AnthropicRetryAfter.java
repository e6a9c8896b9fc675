package dev.switchboard.providers.anthropic;

import dev.switchboard.providers.http.RetryAfter;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Anthropic's retry hint (provider-protocols §2.9, §6.2): {@code retry-after} when sent, else the
 * {@code anthropic-ratelimit-<limit>-reset} RFC 3339 timestamps. Among limits whose {@code -remaining} is 0 the
 * latest reset counts (all of them must refill); when none says 0, the earliest reset.
 */
final class AnthropicRetryAfter {

    private static final List<String> LIMITS = List.of("requests", "tokens", "input-tokens", "output-tokens");

    private AnthropicRetryAfter() {}

    static @Nullable Duration from(HttpHeaders headers, Instant now) {
        Duration header = RetryAfter.from(headers, null, now);
        return header != null ? header : fromResets(headers, now);
    }

    private static @Nullable Duration fromResets(HttpHeaders headers, Instant now) {
        @Nullable Instant earliest = null;
        @Nullable Instant latestExhausted = null;
        for (String limit : LIMITS) {
            Instant reset = timestamp(headers.get("anthropic-ratelimit-" + limit + "-reset"));
            if (reset == null) {
                continue;
            }
            if (earliest == null || reset.isBefore(earliest)) {
                earliest = reset;
            }
            if ("0".equals(headers.get("anthropic-ratelimit-" + limit + "-remaining"))
                    && (latestExhausted == null || reset.isAfter(latestExhausted))) {
                latestExhausted = reset;
            }
        }
        Instant at = latestExhausted != null ? latestExhausted : earliest;
        if (at == null) {
            return null;
        }
        Duration wait = Duration.between(now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static @Nullable Instant timestamp(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
