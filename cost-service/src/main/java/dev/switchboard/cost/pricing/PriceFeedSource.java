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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a price feed is read from: an {@code http(s)} URL (JDK {@link HttpClient}, redirects followed) or a file
 * ({@code file:} URL or plain path). Reads are bounded by {@code maxBytes}; HTTP connects and waits for the response
 * headers at most {@code timeout} each, and the whole download at most six times that.
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

        /** The whole download may take this many timeouts (2 minutes by default: 50 MB at about 0.4 MB/s). */
        private static final int DOWNLOAD_TIMEOUTS = 6;

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
            CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request, info -> new CappedBody(
                    uri.toString(), maxBytes, info.headers().firstValueAsLong("content-length").orElse(-1)));
            HttpResponse<byte[]> response;
            try {
                // the request timeout covers only the wait for the headers; this bounds the whole download
                response = exchange.get(timeout.multipliedBy(DOWNLOAD_TIMEOUTS).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                exchange.cancel(true);
                Thread.currentThread().interrupt();
                throw new IOException(uri + ": interrupted", e);
            } catch (TimeoutException e) {
                exchange.cancel(true);
                throw new IOException(uri + " did not finish within " + timeout.multipliedBy(DOWNLOAD_TIMEOUTS), e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof IOException io && String.valueOf(io.getMessage()).startsWith(uri.toString())) {
                    throw io; // CappedBody's, which names the feed already
                }
                throw new IOException(uri + ": " + cause, cause);
            }
            if (response.statusCode() / 100 != 2) {
                throw new IOException(uri + " answered HTTP " + response.statusCode() + " (expected 2xx)");
            }
            return response.body();
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
            throw CappedBody.tooLarge(location, maxBytes);
        }
        return bytes;
    }

}
