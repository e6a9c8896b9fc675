package dev.switchboard.testkit;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A whole recorded HTTP response: status line, headers in their recorded order, and the raw body bytes
 * (SSE kept byte for byte, CRLFs kept). Parsed from the {@code .http} fixture format:
 * {@code HTTP/1.1 200 OK}, header lines, a blank line, then the body.
 */
public record RawResponse(int status, String reason, List<Header> headers, byte[] body) {

    public RawResponse {
        requireNonNull(reason, "reason");
        headers = List.copyOf(headers);
        requireNonNull(body, "body");
    }

    /** One header line as recorded. */
    public record Header(String name, String value) {
        public Header {
            requireNonNull(name, "name");
            requireNonNull(value, "value");
        }
    }

    /** A JSON response with the given status, e.g. an upstream error envelope. */
    public static RawResponse json(int status, String jsonBody) {
        return new RawResponse(status, reasonPhrase(status),
                List.of(new Header("Content-Type", "application/json")), jsonBody.getBytes(StandardCharsets.UTF_8));
    }

    /** Parses the {@code .http} format; the head may use LF or CRLF line ends, the body is kept as is. */
    public static RawResponse parse(byte[] raw) {
        int bodyStart = -1;
        int headEnd = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] != '\n') {
                continue;
            }
            int next = i + 1;
            if (next < raw.length && raw[next] == '\n') {
                headEnd = i;
                bodyStart = next + 1;
                break;
            }
            if (next + 1 < raw.length && raw[next] == '\r' && raw[next + 1] == '\n') {
                headEnd = i;
                bodyStart = next + 2;
                break;
            }
        }
        if (headEnd < 0) {
            headEnd = raw.length;
            bodyStart = raw.length;
        }
        String head = new String(raw, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
        String[] statusLine = lines[0].trim().split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
            throw new IllegalArgumentException("expected a status line like 'HTTP/1.1 200 OK' but got '" + lines[0] + "'");
        }
        List<Header> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new Header(lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()));
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, bodyStart, raw.length);
        int status = Integer.parseInt(statusLine[1]);
        return new RawResponse(status, statusLine.length > 2 ? statusLine[2] : reasonPhrase(status), headers, body);
    }

    /** The first header with that name, ignoring case. */
    public @Nullable String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public boolean isEventStream() {
        String type = header("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/event-stream");
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
