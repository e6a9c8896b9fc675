package dev.switchboard.providers.http;

import dev.switchboard.contracts.error.ErrorCategory;

/** The category of an upstream HTTP status before any body-specific refinement (provider-protocols §5.10, §6.1). */
public final class StatusCategories {

    private StatusCategories() {}

    public static ErrorCategory of(int status) {
        return switch (status) {
            case 400, 422 -> ErrorCategory.INVALID_REQUEST;
            case 401, 403 -> ErrorCategory.UPSTREAM_AUTH_FAILED;
            case 404 -> ErrorCategory.MODEL_NOT_FOUND;
            case 408, 504 -> ErrorCategory.UPSTREAM_TIMEOUT;
            case 409, 498, 500, 502, 503, 529 -> ErrorCategory.UPSTREAM_UNAVAILABLE;
            case 413 -> ErrorCategory.PAYLOAD_TOO_LARGE;
            case 429 -> ErrorCategory.RATE_LIMITED;
            default -> status >= 500 ? ErrorCategory.UPSTREAM_UNAVAILABLE : ErrorCategory.UPSTREAM_REJECTED;
        };
    }
}
