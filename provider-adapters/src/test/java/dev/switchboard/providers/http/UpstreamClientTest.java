package dev.switchboard.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.testkit.FakeUpstream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

class UpstreamClientTest {

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream();

    private final ConnectionProvider connections = ConnectionProvider.create("upstream-client-test", 4);
    private final UpstreamClient client = new UpstreamClient(UpstreamClient.defaultHttpClient(connections));
    private final ErrorMapper errors = (status, headers, body) -> new GatewayException(StatusCategories.of(status),
            "test: " + new String(body, StandardCharsets.UTF_8) + " (upstream " + status + ")");

    @AfterEach
    void dispose() {
        connections.dispose();
    }

    private static void assertCategory(Throwable error, ErrorCategory category) {
        assertThat(error).isInstanceOfSatisfying(GatewayException.class, g -> assertThat(g.category()).isEqualTo(category));
    }

    @Test
    void anObserverInTheContextSeesTheStatusAndHeadersOfEachResponse() {
        upstream.respond(dev.switchboard.testkit.RawResponse.parse(("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n"
                + "x-ratelimit-remaining-requests: 7\r\n\r\n{}").getBytes(StandardCharsets.UTF_8)));
        var seen = new java.util.concurrent.atomic.AtomicReference<String>();
        dev.switchboard.providers.UpstreamObserver observer = (status, header) ->
                seen.set(status + " " + header.apply("x-ratelimit-remaining-requests"));

        client.postJson(URI.create(upstream.baseUrl() + "/x"), Map.of(), "{}".getBytes(), Duration.ofSeconds(2), errors)
                .contextWrite(c -> c.put(dev.switchboard.providers.UpstreamObserver.KEY, observer))
                .block(Duration.ofSeconds(5));
        assertThat(seen).hasValue("200 7");
    }

    @Test
    void refusedConnectionIsUnavailable() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StepVerifier.create(client.postSse(URI.create("http://127.0.0.1:" + port + "/x"), Map.of(), new byte[0],
                        Duration.ofSeconds(2), errors))
                .expectErrorSatisfies(e -> assertCategory(e, ErrorCategory.UPSTREAM_UNAVAILABLE))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void noResponseHeadersWithinTheTimeoutIsATimeout() {
        upstream.respondWithStatus(200, "{}").stallHeaders(Duration.ofSeconds(3));
        StepVerifier.create(client.postJson(URI.create(upstream.baseUrl() + "/x"), Map.of(), "{}".getBytes(),
                        Duration.ofMillis(200), errors))
                .expectErrorSatisfies(e -> assertCategory(e, ErrorCategory.UPSTREAM_TIMEOUT))
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void nonSuccessStatusGoesThroughTheErrorMapperWithItsBody() {
        upstream.respondWithStatus(418, "{\"error\":\"teapot\"}");
        StepVerifier.create(client.postJson(URI.create(upstream.baseUrl() + "/x"), Map.of("X-Test", "1"),
                        "{\"q\":1}".getBytes(), Duration.ofSeconds(2), errors))
                .expectErrorSatisfies(e -> {
                    assertCategory(e, ErrorCategory.UPSTREAM_REJECTED);
                    assertThat(e).hasMessage("test: {\"error\":\"teapot\"} (upstream 418)");
                })
                .verify(Duration.ofSeconds(5));
        assertThat(upstream.lastRequest().header("x-test")).isEqualTo("1");
        assertThat(upstream.lastRequest().body()).isEqualTo("{\"q\":1}");
    }

    @Test
    void errorBodiesAreReadOnlyUpToTheLimit() {
        upstream.respondWithStatus(500, "x".repeat(UpstreamClient.ERROR_BODY_LIMIT * 2));
        ErrorMapper measuring = (status, headers, body) -> new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE,
                "length " + body.length);
        StepVerifier.create(client.postJson(URI.create(upstream.baseUrl() + "/x"), Map.of(), new byte[0],
                        Duration.ofSeconds(2), measuring))
                .expectErrorMessage("length " + UpstreamClient.ERROR_BODY_LIMIT)
                .verify(Duration.ofSeconds(5));
    }
}
