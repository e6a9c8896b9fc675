package dev.switchboard.providers.sse;

import reactor.core.publisher.Flux;

/** Reactor plumbing around {@link SseParser}: one parser per subscription. */
public final class SseStreams {

    private SseStreams() {}

    /** Turns a byte stream cut anywhere into its events; complete events still pending at the end are emitted. */
    public static Flux<SseEvent> events(Flux<byte[]> bytes) {
        return Flux.defer(() -> {
            var parser = new SseParser();
            return bytes.concatMapIterable(parser::feed)
                    .concatWith(Flux.defer(() -> Flux.fromIterable(parser.finish())));
        });
    }
}
