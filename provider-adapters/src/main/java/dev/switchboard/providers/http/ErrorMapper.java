package dev.switchboard.providers.http;

import dev.switchboard.contracts.error.GatewayException;
import io.netty.handler.codec.http.HttpHeaders;

/** Turns a non-2xx upstream answer into a GatewayException; {@code body} is bounded and may be cut. */
@FunctionalInterface
public interface ErrorMapper {

    GatewayException map(int status, HttpHeaders headers, byte[] body);

    /** The configured provider name, for transport failures (refused, reset, timed out). */
    default String provider() {
        return "upstream";
    }
}
