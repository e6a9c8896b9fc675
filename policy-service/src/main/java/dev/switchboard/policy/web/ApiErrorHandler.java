package dev.switchboard.policy.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the admin API as {@code {"error":{"message":..,"type":..,"code":..}}}: never a stack trace, and
 * never a value from the request that could be a secret.
 */
@RestControllerAdvice(basePackages = "dev.switchboard.policy")
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    /** The body of every error. */
    public record ErrorBody(Error error) {
        public record Error(String message, String type, String code) {}
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> refused(ApiException e) {
        return body(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ErrorBody> missing(MissingServletRequestParameterException e) {
        return body(HttpStatus.BAD_REQUEST, "missing_parameter", "query parameter '" + e.getParameterName()
                + "' is missing");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> mismatch(MethodArgumentTypeMismatchException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid_parameter", "parameter '" + e.getName() + "' has an invalid value");
    }

    /** Bodies may carry secrets (a credential value), so the message names the problem, not the input. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        return body(HttpStatus.BAD_REQUEST, "invalid_body", "request body is not the expected JSON: " + rootMessage(e));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", "send application/json");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> noResource(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "not_found", "no endpoint " + e.getHttpMethod() + " /" + e.getResourcePath());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", "method " + e.getMethod()
                + " is not allowed here (expected one of " + e.getSupportedHttpMethods() + ")");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        log.error("unexpected error in the policy API: {}", e.getClass().getName(), e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "internal error");
    }

    public static ErrorBody error(HttpStatus status, String code, String message) {
        return new ErrorBody(new ErrorBody.Error(message, type(status), code));
    }

    private static ResponseEntity<ErrorBody> body(HttpStatus status, String code, String message) {
        return ResponseEntity.status(status).body(error(status, code, message));
    }

    private static String type(HttpStatus status) {
        return switch (status.value()) {
            case 400, 405, 415 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 409 -> "conflict_error";
            case 503 -> "unavailable_error";
            default -> "api_error";
        };
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        // Jackson's messages quote the offending input; keep only its first clause.
        String message = root instanceof IllegalArgumentException && root.getMessage() != null ? root.getMessage()
                : root.getClass().getSimpleName();
        return message.lines().findFirst().orElse(message);
    }
}
