package dev.switchboard.providers.http;

import dev.switchboard.providers.UpstreamObserver;
import dev.switchboard.providers.sse.SseEvent;
import dev.switchboard.providers.sse.SseStreams;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * POSTs JSON to an upstream over the shared reactor-netty client. Non-2xx answers become GatewayExceptions through
 * the caller's {@link ErrorMapper}; transport failures are classified too. The timeout bounds the wait for
 * response headers only; streams may then run as long as they keep sending. Cancelling closes the connection.
 */
public final class UpstreamClient {

    /** Error bodies are read up to this size; the rest is drained and dropped. */
    static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final Supplier<HttpClient> http;

    public UpstreamClient(HttpClient http) {
        this(() -> http);
    }

    /** @param http the client to use on the calling thread (see {@link LoopLocalClients}) */
    public UpstreamClient(Supplier<HttpClient> http) {
        this.http = http;
    }

    /** Pooled, keep-alive, TCP_NODELAY, no compression (compression would batch SSE bytes). */
    public static HttpClient defaultHttpClient(ConnectionProvider connections) {
        return HttpClient.create(connections)
                .keepAlive(true)
                .compress(false)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    }

    public static ConnectionProvider defaultConnections() {
        return ConnectionProvider.builder("switchboard-upstream")
                .maxConnections(1000)
                .maxIdleTime(Duration.ofSeconds(50))
                .pendingAcquireTimeout(Duration.ofSeconds(30))
                .build();
    }

    /** Posts and reads a {@code text/event-stream} answer as it arrives. */
    public Flux<SseEvent> postSse(URI uri, Map<String, String> headers, byte[] body, Duration timeout,
                                  ErrorMapper errors) {
        return SseStreams.events(exchange(uri, headers, body, timeout, errors, ByteBufFlux::asByteArray));
    }

    /** Posts and reads a whole JSON answer. */
    public Mono<byte[]> postJson(URI uri, Map<String, String> headers, byte[] body, Duration timeout,
                                 ErrorMapper errors) {
        return exchange(uri, headers, body, timeout, errors, content -> content.aggregate().asByteArray()).next();
    }

    private Flux<byte[]> exchange(URI uri, Map<String, String> headers, byte[] body, Duration timeout,
                                  ErrorMapper errors, Function<ByteBufFlux, Publisher<byte[]>> onSuccess) {
        return Flux.deferContextual(context -> http.get().responseTimeout(timeout)
                .headers(h -> {
                    headers.forEach(h::set);
                    h.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
                })
                .post()
                .uri(uri)
                .send(Mono.fromCallable(() -> Unpooled.wrappedBuffer(body)))
                .responseConnection((response, connection) -> {
                    // the timeout covers the wait for headers; a stream may pause longer between chunks
                    connection.removeHandler(NettyPipeline.ResponseTimeoutHandler);
                    int status = response.status().code();
                    UpstreamObserver.notify(context, status, response.responseHeaders()::get);
                    ByteBufFlux content = connection.inbound().receive();
                    if (status >= 200 && status < 300) {
                        return onSuccess.apply(content);
                    }
                    return bounded(content).flatMap(bytes -> Mono.<byte[]>error(
                            errors.map(status, response.responseHeaders(), bytes)));
                })
                .onErrorMap(failure -> TransportFailures.map(failure, errors.provider(), timeout)));
    }

    private static Mono<byte[]> bounded(ByteBufFlux content) {
        return content.asByteArray()
                .collect(ByteArrayOutputStream::new, (out, bytes) -> {
                    int room = ERROR_BODY_LIMIT - out.size();
                    if (room > 0) {
                        out.write(bytes, 0, Math.min(room, bytes.length));
                    }
                })
                .map(ByteArrayOutputStream::toByteArray);
    }
}
