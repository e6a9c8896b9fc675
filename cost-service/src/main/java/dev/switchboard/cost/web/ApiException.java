package dev.switchboard.cost.web;

import static java.util.Objects.requireNonNull;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and the message the caller sees. */
public final class ApiException extends RuntimeException {

    private final HttpStatus status;

    private ApiException(HttpStatus status, String message) {
        super(message);
        this.status = requireNonNull(status, "status");
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    public static ApiException badGateway(String message) {
        return new ApiException(HttpStatus.BAD_GATEWAY, message);
    }

    public HttpStatus status() {
        return status;
    }
}
