package dev.switchboard.providers.http;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.timeout.ReadTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import reactor.netty.http.client.PrematureCloseException;

/** Classifies failures below HTTP (provider-protocols §6.1): refused or reset → unavailable, no headers in time → timeout. */
final class TransportFailures {

    private TransportFailures() {}

    static GatewayException map(Throwable failure, String provider, Duration timeout) {
        if (failure instanceof GatewayException gateway) {
            return gateway;
        }
        GatewayException.Origin origin = new GatewayException.Origin(provider, 0, null, null);
        if (failure instanceof ReadTimeoutException) {
            return new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT,
                    provider + ": no response headers within " + timeout.toMillis() + " ms", origin);
        }
        if (failure instanceof ConnectTimeoutException) {
            return new GatewayException(ErrorCategory.UPSTREAM_TIMEOUT, provider + ": connect timed out", origin);
        }
        if (failure instanceof ConnectException) {
            return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                    provider + ": cannot connect (" + failure.getMessage() + ")", origin);
        }
        if (failure instanceof PrematureCloseException) {
            return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                    provider + ": connection closed before the response was complete", origin);
        }
        if (failure instanceof IOException) {
            return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                    provider + ": connection failed (" + failure.getClass().getSimpleName() + ")", origin);
        }
        return new GatewayException(ErrorCategory.INTERNAL,
                provider + ": unexpected failure calling upstream (" + failure.getClass().getName() + ")", origin);
    }
}
