package dev.switchboard.providers.sse;

import static java.util.Objects.requireNonNull;

/** One dispatched server-sent event; {@code event} is {@code message} when the stream named none. */
public record SseEvent(String event, String data) {
    public SseEvent {
        requireNonNull(event, "event");
        requireNonNull(data, "data");
    }
}
