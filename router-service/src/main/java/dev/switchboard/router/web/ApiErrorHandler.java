package dev.switchboard.router.web;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.ErrorFormat;
import dev.switchboard.contracts.error.GatewayException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Renders every failure in the caller's error envelope (Anthropic's on /v1/messages, else OpenAI's) with the matching
 * status; never a stack trace.
 */
public final class ApiErrorHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(failure);
        }
        GatewayException error = translate(failure, exchange);
        ErrorFormat format = ErrorFormat.forPath(exchange.getRequest().getPath().value());
        int status = failure instanceof ResponseStatusException rse ? rse.getStatusCode().value()
                : format.status(error.category());
        response.setStatusCode(HttpStatusCode.valueOf(status));
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        Duration retryAfter = error.retryAfter();
        if (retryAfter != null) {
            response.getHeaders().set("retry-after", Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        return response.writeWith(Mono.fromSupplier(
                () -> response.bufferFactory().wrap(format.body(error))));
    }

    private static GatewayException translate(Throwable failure, ServerWebExchange exchange) {
        if (failure instanceof GatewayException e) {
            return e;
        }
        if (failure instanceof DataBufferLimitException) {
            return new GatewayException(ErrorCategory.PAYLOAD_TOO_LARGE, "the request body is too large");
        }
        if (failure instanceof ResponseStatusException rse) {
            var request = exchange.getRequest();
            String message = rse.getStatusCode().value() == HttpStatus.NOT_FOUND.value()
                    ? "unknown path " + request.getMethod() + " " + request.getPath()
                    : rse.getStatusCode() + " for " + request.getMethod() + " " + request.getPath();
            return new GatewayException(ErrorCategory.INVALID_REQUEST, message);
        }
        log.error("unexpected failure serving {} (request {})", exchange.getRequest().getPath(),
                RequestIds.of(exchange), failure);
        return new GatewayException(ErrorCategory.INTERNAL, "internal error; request id " + RequestIds.of(exchange));
    }
}
