package dev.switchboard.providers.mock;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.time.Duration;
import java.util.Map;

/**
 * The mock's options from a target's settings: {@code latency-ms} (before the first event, default 0),
 * {@code chunk-size} (characters per text delta, default 8), {@code chunk-delay-ms} (between deltas, default 0),
 * {@code words} (lorem length, default 24).
 */
record MockSettings(Duration latency, int chunkSize, Duration chunkDelay, int words) {

    static MockSettings from(Map<String, String> settings, String provider) {
        return new MockSettings(Duration.ofMillis(number(settings, "latency-ms", 0, provider)),
                (int) Math.max(1, number(settings, "chunk-size", 8, provider)),
                Duration.ofMillis(number(settings, "chunk-delay-ms", 0, provider)),
                (int) number(settings, "words", 24, provider));
    }

    private static long number(Map<String, String> settings, String key, long fallback, String provider) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new GatewayException(ErrorCategory.INTERNAL, "invalid setting " + key + "='" + value
                + "' for provider '" + provider + "' (expected a whole number >= 0)");
    }
}
