package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a price feed is read from: an {@code http(s)} URL (JDK {@link HttpClient}, redirects followed) or a file
 * ({@code file:} URL or plain path). Reads are bounded by {@code maxBytes}; HTTP connects and waits for the response
 * headers at most {@code timeout} each.
 */
public sealed interface PriceFeedSource {

    /** How feeds are usually read: 50 MB (LiteLLM's file is about 1.6 MB), 20 seconds. */
    long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    /** The whole feed. */
    byte[] read() throws IOException;

    /** The location as configured, for messages and answers. */
    String location();

    /**
     * @throws IllegalArgumentException naming the location when it is neither an http(s) URL nor a file path
     */
    static PriceFeedSource of(String location, long maxBytes, Duration timeout) {
        requireNonNull(location, "location");
        requireNonNull(timeout, "timeout");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes is " + maxBytes + " (expected > 0)");
        }
        String trimmed = location.strip();
        try {
            if (trimmed.startsWith("http://") || trimmed.startsWith("https://")) {
                return new Http(URI.create(trimmed), maxBytes, timeout);
            }
            if (trimmed.startsWith("file:")) {
                return new File(trimmed, Path.of(URI.create(trimmed)), maxBytes);
            }
            if (trimmed.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*") && !trimmed.matches("^[a-zA-Z]:[\\\\/].*")) {
                throw new IllegalArgumentException("scheme not supported");
            }
            return new File(trimmed, Path.of(trimmed), maxBytes);
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw new IllegalArgumentException("price feed location '" + location + "' is not usable (" + e.getMessage()
                    + "; expected an http(s) URL, a file: URL or a file path)", e);
        }
    }

    /** A feed over HTTP. */
    final class Http implements PriceFeedSource {

        private final URI uri;
        private final long maxBytes;
        private final Duration timeout;
        private final HttpClient client;

        Http(URI uri, long maxBytes, Duration timeout) {
            this.uri = uri;
            this.maxBytes = maxBytes;
            this.timeout = timeout;
            this.client = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }

        @Override
        public byte[] read() throws IOException {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                    .GET().build();
            HttpResponse<InputStream> response;
            try {
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(uri + ": interrupted", e);
            }
            try (InputStream body = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new IOException(uri + " answered HTTP " + response.statusCode() + " (expected 2xx)");
                }
                long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
                if (declared > maxBytes) {
                    throw tooLarge(uri.toString(), maxBytes);
                }
                return capped(body, uri.toString(), maxBytes);
            }
        }

        @Override
        public String location() {
            return uri.toString();
        }
    }

    /** A feed in a file. */
    record File(String location, Path path, long maxBytes) implements PriceFeedSource {

        @Override
        public byte[] read() throws IOException {
            try (InputStream in = Files.newInputStream(path)) {
                return capped(in, location, maxBytes);
            }
        }
    }

    private static byte[] capped(InputStream in, String location, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge(location, maxBytes);
        }
        return bytes;
    }

    private static IOException tooLarge(String location, long maxBytes) {
        return new IOException(location + " is larger than " + maxBytes + " bytes (the price feed size limit)");
    }
}
