package dev.switchboard.contracts.error;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A failure with its category. Messages name the value and the expectation and never carry secrets or raw
 * upstream bodies. {@code provider} and {@code upstreamStatus} say where it came from when an upstream said no.
 */
public class GatewayException extends RuntimeException {

    private final ErrorCategory category;
    private final @Nullable String provider;
    private final int upstreamStatus;
    private final @Nullable Duration retryAfter;
    private final @Nullable String param;

    public GatewayException(ErrorCategory category, String message) {
        this(category, message, new Origin(null, 0, null, null));
    }

    public GatewayException(ErrorCategory category, String message, Origin origin) {
        super(requireNonNull(message, "message"), null, false, false);
        this.category = requireNonNull(category, "category");
        this.provider = origin.provider();
        this.upstreamStatus = origin.upstreamStatus();
        this.retryAfter = origin.retryAfter();
        this.param = origin.param();
    }

    public static GatewayException invalid(@Nullable String param, String message) {
        return new GatewayException(ErrorCategory.INVALID_REQUEST, message, new Origin(null, 0, null, param));
    }

    public ErrorCategory category() {
        return category;
    }

    public @Nullable String provider() {
        return provider;
    }

    /** The upstream's HTTP status, or 0 when no upstream answered. */
    public int upstreamStatus() {
        return upstreamStatus;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** The request field at fault, for invalid requests. */
    public @Nullable String param() {
        return param;
    }

    /** Where a failure came from and what it hints. */
    public record Origin(@Nullable String provider, int upstreamStatus, @Nullable Duration retryAfter,
                         @Nullable String param) {
        public static Origin upstream(String provider, int status, @Nullable Duration retryAfter) {
            return new Origin(provider, status, retryAfter, null);
        }
    }
}
