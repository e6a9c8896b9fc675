package dev.switchboard.router.web;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.function.BiConsumer;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A chat event stream as an SSE response, for every door. Status and headers wait for the first event ({@code Started},
 * which routing only lets through once an attempt has output), so a failure before it is a plain HTTP error in the
 * door's envelope; a failure after it ends the stream with the door's error event.
 */
public final class EventStreams {

    private EventStreams() {
    }

    public static Mono<ServerResponse> respond(Flux<ChatEvent> events, ServerRequest request, SseEncoding encoder,
                                               BiConsumer<HttpHeaders, ResolvedModel> servedBy) {
        DataBufferFactory buffers = request.exchange().getResponse().bufferFactory();
        return events.switchOnFirst((first, all) -> {
            if (!first.hasValue()) {
                return first.hasError() ? Flux.error(first.getThrowable()) : Flux.error(noOutput());
            }
            if (!(first.get() instanceof ChatEvent.Started started)) {
                return Flux.error(new IllegalStateException("stream did not begin with Started: " + first.get()));
            }
            Flux<DataBuffer> body = all.<DataBuffer>handle((event, sink) -> {
                byte[] bytes = encoder.encode(event);
                if (bytes.length > 0) {
                    sink.next(buffers.wrap(bytes));
                }
            }).onErrorResume(GatewayException.class, e -> Mono.just(buffers.wrap(encoder.error(e))));
            return ServerResponse.ok()
                    .contentType(MediaType.TEXT_EVENT_STREAM)
                    .header("cache-control", "no-cache")
                    .headers(h -> servedBy.accept(h, started.model()))
                    .body(BodyInserters.fromDataBuffers(body));
        }, false).single();
    }

    private static GatewayException noOutput() {
        return new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, "the upstream ended without a response");
    }
}
