package dev.switchboard.policy.web;

import static java.util.Objects.requireNonNull;

import org.springframework.http.HttpStatus;

/** A request the API refuses: the status, a stable {@code code} and the message the caller sees. */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String message) {
        super(message, null, false, false);
        this.status = requireNonNull(status, "status");
        this.code = requireNonNull(code, "code");
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public static ApiException conflict(String code, String message) {
        return new ApiException(HttpStatus.CONFLICT, code, message);
    }

    /** A write to an entry {@code switchboard.yaml} manages. */
    public static ApiException fileManaged(String what) {
        return conflict("managed_by_file", what + " is managed by switchboard.yaml; change it there");
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
