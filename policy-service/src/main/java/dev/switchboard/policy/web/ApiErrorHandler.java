package dev.switchboard.policy.web;

import org.jspecify.annotations.Nullable;
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
import tools.jackson.core.JacksonException;

/**
 * Every error of the admin API as {@code {"error":{"message":..,"type":..,"code":..}}}: never a stack trace, and
 * never a value from the request that could be a secret.
 */
// Not limited to this service's controllers: a 404 for an unknown path comes from the resource handler.
@RestControllerAdvice
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

    /**
     * Our own validation messages (records' {@link IllegalArgumentException}s) as they are; for Jackson's, only the
     * field they concern, since they quote the offending input.
     */
    private static String rootMessage(Throwable e) {
        Throwable root = e;
        @Nullable String field = null;
        while (root.getCause() != null && root.getCause() != root) {
            if (root instanceof JacksonException json && !json.getPath().isEmpty()) {
                field = fieldPath(json);
            }
            root = root.getCause();
        }
        if (root instanceof IllegalArgumentException && root.getMessage() != null) {
            return root.getMessage().lines().findFirst().orElse("");
        }
        if (root instanceof JacksonException json && !json.getPath().isEmpty()) {
            field = fieldPath(json);
        }
        return field == null ? "malformed JSON" : "field '" + field + "' has an invalid value";
    }

    private static String fieldPath(JacksonException e) {
        var path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
