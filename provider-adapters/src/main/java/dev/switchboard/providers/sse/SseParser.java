package dev.switchboard.providers.sse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An incremental parser of {@code text/event-stream} (WHATWG HTML §9.2). Feed it bytes in chunks cut anywhere,
 * even inside a UTF-8 character: lines are decoded only when complete. Handles LF, CRLF and CR line ends,
 * comment lines, {@code event:}, multi-line {@code data:} and {@code id:}. One instance per stream; not thread-safe.
 */
public final class SseParser {

    private static final String DEFAULT_EVENT = "message";

    private byte[] line = new byte[256];
    private int lineLength;
    private boolean skipLf;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private @Nullable String eventType;
    private @Nullable String lastEventId;

    /** Consumes a chunk and returns the events it completed, in order. */
    public List<SseEvent> feed(byte[] chunk) {
        List<SseEvent> events = List.of();
        for (byte b : chunk) {
            if (skipLf) {
                skipLf = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\n' || b == '\r') {
                skipLf = b == '\r';
                SseEvent event = endOfLine();
                if (event != null) {
                    events = events.isEmpty() ? new ArrayList<>(2) : events;
                    events.add(event);
                }
            } else {
                append(b);
            }
        }
        return events;
    }

    /**
     * Ends the stream: an unterminated last line is dropped (the stream was cut inside it), while complete
     * {@code data:} lines still waiting for their blank line are dispatched.
     */
    public List<SseEvent> finish() {
        lineLength = 0;
        SseEvent pending = dispatch();
        return pending == null ? List.of() : List.of(pending);
    }

    /** The last {@code id:} seen, for reconnection bookkeeping. */
    public @Nullable String lastEventId() {
        return lastEventId;
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    private @Nullable SseEvent endOfLine() {
        if (lineLength == 0) {
            return dispatch();
        }
        String text = new String(line, 0, lineLength, StandardCharsets.UTF_8);
        lineLength = 0;
        if (text.charAt(0) == ':') {
            return null;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + (colon + 1 < text.length() && text.charAt(colon + 1) == ' ' ? 2 : 1));
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "event" -> eventType = value;
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            default -> { } // retry and unknown fields are ignored, as the spec says
        }
        return null;
    }

    private @Nullable SseEvent dispatch() {
        if (!hasData) {
            eventType = null;
            return null;
        }
        var event = new SseEvent(eventType == null || eventType.isEmpty() ? DEFAULT_EVENT : eventType, data.toString());
        data.setLength(0);
        hasData = false;
        eventType = null;
        return event;
    }
}
