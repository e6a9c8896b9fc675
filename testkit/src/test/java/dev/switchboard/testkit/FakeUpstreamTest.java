package dev.switchboard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeUpstreamTest {

    private static final String SSE = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nX-Id: 7\r\n\r\n"
            + "data: one\r\n\r\ndata: two\r\n\r\n";

    @RegisterExtension
    final FakeUpstream upstream = new FakeUpstream();

    private String exchange(String body) throws IOException {
        try (var socket = new Socket("127.0.0.1", upstream.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/chat?x=1 HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer k\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void recordsTheRequestAndWritesTheRecordedResponseByteForByte() throws IOException {
        upstream.respond(RawResponse.parse(SSE.getBytes(StandardCharsets.UTF_8))).rechunked(3);

        String answer = exchange("{\"a\":1}");

        assertThat(answer).startsWith("HTTP/1.1 200 OK\r\n").contains("X-Id: 7\r\n", "Connection: close\r\n")
                .endsWith("\r\n\r\ndata: one\r\n\r\ndata: two\r\n\r\n");
        RecordedRequest request = upstream.lastRequest();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo("/v1/chat?x=1");
        assertThat(request.path()).isEqualTo("/v1/chat");
        assertThat(request.header("authorization")).isEqualTo("Bearer k");
        assertThat(request.body()).isEqualTo("{\"a\":1}");
    }

    @Test
    void answersWithTheDefaultOnceTheQueueIsEmptyAndAddsContentLengthToJson() throws IOException {
        upstream.respondWithStatus(429, "{\"e\":1}");
        assertThat(exchange("")).startsWith("HTTP/1.1 429 Too Many Requests").contains("Content-Length: 7");
        assertThat(exchange("")).startsWith("HTTP/1.1 404");
        assertThat(upstream.requests()).hasSize(2);
    }

    @Test
    void cutsTheBodyAfterTheRequestedBytes() throws IOException {
        upstream.respond(RawResponse.parse(SSE.getBytes(StandardCharsets.UTF_8))).disconnectAfter(5);
        assertThat(exchange("")).endsWith("\r\n\r\ndata:");
        assertThat(upstream.clientDisconnects()).isZero();
    }

    @Test
    void noticesAClientLeavingBeforeTheResponseIsComplete() throws IOException {
        upstream.respond(RawResponse.parse(SSE.getBytes(StandardCharsets.UTF_8))).slowDrip(Duration.ofMillis(200));
        try (var socket = new Socket("127.0.0.1", upstream.port())) {
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: h\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            InputStream in = socket.getInputStream();
            assertThat(in.read()).isEqualTo('H');
        }
        assertThat(upstream.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
        assertThat(upstream.clientDisconnects()).isEqualTo(1);
    }

    @Test
    void parsesFixtureHttpWithLfHeadsAndKeepsTheBodyVerbatim() {
        RawResponse r = RawResponse.parse("HTTP/1.1 503 Service Unavailable\nRetry-After: 2\n\n{\"x\":\r\n1}".getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(503);
        assertThat(r.header("retry-after")).isEqualTo("2");
        assertThat(r.bodyText()).isEqualTo("{\"x\":\r\n1}");
        assertThat(r.isEventStream()).isFalse();
    }

    @Test
    void readsAndWritesFixtureEvents() {
        String line = "{\"type\":\"tool_call\",\"index\":1,\"id\":\"c\",\"name\":\"f\"}";
        JsonAssert.assertJsonEquals(line, ChatEventJson.write(ChatEventJson.read(line)));
    }
}
