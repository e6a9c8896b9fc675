package dev.switchboard.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/** One accepted socket of {@link FakeUpstream}: reads one request, writes one response, watches for the client leaving. */
final class FakeConnection {

    private static final Set<String> FRAMING_HEADERS = Set.of("content-length", "transfer-encoding", "connection");

    private final Socket socket;
    private final Runnable onClientDisconnect;
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean counted = new AtomicBoolean();

    FakeConnection(Socket socket, Runnable onClientDisconnect) {
        this.socket = socket;
        this.onClientDisconnect = onClientDisconnect;
    }

    static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    @Nullable RecordedRequest readRequest() {
        try {
            InputStream in = socket.getInputStream();
            String requestLine = readLine(in);
            if (requestLine == null || requestLine.isBlank()) {
                return null;
            }
            Map<String, String> headers = new HashMap<>();
            for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
            }
            byte[] body = readBody(in, headers);
            String[] parts = requestLine.split(" ");
            return new RecordedRequest(parts[0], parts.length > 1 ? parts[1] : "/", headers,
                    new String(body, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null;
        }
    }

    void write(RawResponse response, Delivery delivery, Duration headerDelay) {
        Thread.ofVirtual().name("fake-upstream-watch").start(this::watchForClientClose);
        try {
            pause(headerDelay);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            out.write(head(response));
            out.flush();
            for (byte[] piece : pieces(response.body(), delivery)) {
                if (delivery instanceof Delivery.SlowDrip(Duration perPiece)) {
                    pause(perPiece);
                }
                out.write(piece);
                out.flush();
            }
            finished.set(true);
        } catch (IOException e) {
            countDisconnect();
        } finally {
            finished.set(true);
        }
    }

    private void watchForClientClose() {
        try {
            InputStream in = socket.getInputStream();
            while (in.read() >= 0) {
                // a client with Connection: close sends nothing more; drain whatever arrives
            }
            countDisconnect();
        } catch (IOException e) {
            countDisconnect();
        }
    }

    private void countDisconnect() {
        if (!finished.get() && counted.compareAndSet(false, true)) {
            onClientDisconnect.run();
        }
    }

    private static byte[] head(RawResponse response) {
        var sb = new StringBuilder("HTTP/1.1 ").append(response.status()).append(' ').append(response.reason()).append("\r\n");
        for (RawResponse.Header h : response.headers()) {
            if (!FRAMING_HEADERS.contains(h.name().toLowerCase(Locale.ROOT))) {
                sb.append(h.name()).append(": ").append(h.value()).append("\r\n");
            }
        }
        if (!response.isEventStream()) {
            sb.append("Content-Length: ").append(response.body().length).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<byte[]> pieces(byte[] body, Delivery delivery) {
        return switch (delivery) {
            case Delivery.Verbatim v -> List.of(body);
            case Delivery.Rechunked(long seed) -> randomPieces(body, new Random(seed));
            case Delivery.SlowDrip d -> linePieces(body);
            case Delivery.DisconnectAfter(int bytes) -> List.of(java.util.Arrays.copyOf(body, Math.min(bytes, body.length)));
        };
    }

    private static List<byte[]> randomPieces(byte[] body, Random random) {
        List<byte[]> pieces = new ArrayList<>();
        for (int start = 0; start < body.length; ) {
            int end = Math.min(body.length, start + 1 + random.nextInt(64));
            pieces.add(java.util.Arrays.copyOfRange(body, start, end));
            start = end;
        }
        return pieces;
    }

    private static List<byte[]> linePieces(byte[] body) {
        List<byte[]> pieces = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n') {
                pieces.add(java.util.Arrays.copyOfRange(body, start, i + 1));
                start = i + 1;
            }
        }
        if (start < body.length) {
            pieces.add(java.util.Arrays.copyOfRange(body, start, body.length));
        }
        return pieces;
    }

    private static void pause(Duration delay) throws IOException {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        String length = headers.get("content-length");
        if (length != null) {
            return in.readNBytes(Integer.parseInt(length));
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            var body = new ByteArrayOutputStream();
            for (String size = readLine(in); size != null; size = readLine(in)) {
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    readLine(in);
                    break;
                }
                body.write(in.readNBytes(n));
                readLine(in);
            }
            return body.toByteArray();
        }
        return new byte[0];
    }

    private static @Nullable String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return stripCr(line.toString(StandardCharsets.ISO_8859_1));
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String stripCr(String s) {
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
