package dev.switchboard.contracts.error;

/**
 * What went wrong, as retry, fallback and the error encoders see it.
 *
 * @see GatewayException
 */
public enum ErrorCategory {
    INVALID_REQUEST(400, false, false),
    UNAUTHENTICATED(401, false, false),
    POLICY_DENIED(403, false, false),
    MODEL_NOT_FOUND(404, false, false),
    PAYLOAD_TOO_LARGE(413, false, false),
    CONTEXT_LENGTH_EXCEEDED(400, false, true),
    UNSUPPORTED_CAPABILITY(400, false, true),
    CONTENT_FILTERED(400, false, false),
    BUDGET_EXCEEDED(402, false, false),
    RATE_LIMITED(429, true, true),
    UPSTREAM_AUTH_FAILED(502, false, true),
    UPSTREAM_REJECTED(502, false, false),
    UPSTREAM_UNAVAILABLE(503, true, true),
    UPSTREAM_TIMEOUT(504, true, true),
    INTERNAL(500, false, false);

    private final int status;
    private final boolean retryable;
    private final boolean fallbackable;

    ErrorCategory(int status, boolean retryable, boolean fallbackable) {
        this.status = status;
        this.retryable = retryable;
        this.fallbackable = fallbackable;
    }

    /** The HTTP status the caller receives. */
    public int status() {
        return status;
    }

    /** Whether the same deployment may be tried again. */
    public boolean retryable() {
        return retryable;
    }

    /** Whether the next deployment of a fallback chain may be tried. */
    public boolean fallbackable() {
        return fallbackable;
    }
}
