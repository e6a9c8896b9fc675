package dev.switchboard.testkit;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An HTTP/1.1 server on a random loopback port, built on a raw {@link ServerSocket} so that it can re-chunk,
 * drip and disconnect exactly. It records every request and answers each with the next queued
 * {@link RawResponse} (or the default one), one request per connection, framed with {@code Connection: close}.
 *
 * <p>Use it with try-with-resources or as a JUnit extension: {@code @RegisterExtension final FakeUpstream
 * upstream = new FakeUpstream();} (closed after each test; a {@code static} field is closed after the class
 * and reset before each test).
 */
public final class FakeUpstream implements AutoCloseable, BeforeAllCallback, BeforeEachCallback,
        AfterEachCallback, AfterAllCallback {

    private static final RawResponse NOT_FOUND =
            RawResponse.json(404, "{\"error\":{\"message\":\"FakeUpstream has no response queued\"}}");

    private final ServerSocket server;
    private final Queue<RawResponse> queue = new ConcurrentLinkedQueue<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger disconnects = new AtomicInteger();
    private final Semaphore disconnectSignal = new Semaphore(0);
    private volatile RawResponse fallback = NOT_FOUND;
    private volatile Delivery delivery = new Delivery.Verbatim();
    private volatile Duration headerDelay = Duration.ZERO;
    private volatile boolean classScoped;

    public FakeUpstream() {
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open a loopback server socket", e);
        }
        Thread.ofVirtual().name("fake-upstream-accept-" + server.getLocalPort()).start(this::acceptLoop);
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Queues a response for the next request; queued responses are used in order, then the default. */
    public FakeUpstream respond(RawResponse response) {
        queue.add(requireNonNull(response, "response"));
        return this;
    }

    /** Queues a JSON response with that status. */
    public FakeUpstream respondWithStatus(int status, String jsonBody) {
        return respond(RawResponse.json(status, jsonBody));
    }

    /** The response for requests when the queue is empty (initially a 404 JSON error). */
    public FakeUpstream respondByDefault(RawResponse response) {
        fallback = requireNonNull(response, "response");
        return this;
    }

    public FakeUpstream verbatim() {
        return deliver(new Delivery.Verbatim());
    }

    public FakeUpstream rechunked(long seed) {
        return deliver(new Delivery.Rechunked(seed));
    }

    public FakeUpstream slowDrip(Duration perPiece) {
        return deliver(new Delivery.SlowDrip(perPiece));
    }

    public FakeUpstream disconnectAfter(int bytes) {
        return deliver(new Delivery.DisconnectAfter(bytes));
    }

    public FakeUpstream deliver(Delivery mode) {
        delivery = requireNonNull(mode, "mode");
        return this;
    }

    /** Waits this long after reading a request before writing the status line (to provoke header timeouts). */
    public FakeUpstream stallHeaders(Duration delay) {
        headerDelay = requireNonNull(delay, "delay");
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public RecordedRequest lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("FakeUpstream received no request");
        }
        return requests.getLast();
    }

    /** How many clients closed their connection before the response was completely written. */
    public int clientDisconnects() {
        return disconnects.get();
    }

    /** Whether a client disconnected before its response was complete, waiting up to {@code timeout}. */
    public boolean awaitClientDisconnect(Duration timeout) {
        try {
            if (disconnectSignal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                disconnectSignal.release();
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Forgets recorded requests, queued responses and disconnects, and returns to verbatim delivery. */
    public void reset() {
        queue.clear();
        requests.clear();
        disconnects.set(0);
        disconnectSignal.drainPermits();
        fallback = NOT_FOUND;
        delivery = new Delivery.Verbatim();
        headerDelay = Duration.ZERO;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(FakeConnection::closeQuietly);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        classScoped = true;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (classScoped) {
            reset();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!classScoped) {
            close();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread.ofVirtual().name("fake-upstream-conn").start(() -> serve(socket));
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        var connection = new FakeConnection(socket, this::clientDisconnected);
        try {
            RecordedRequest request = connection.readRequest();
            if (request == null) {
                return;
            }
            requests.add(request);
            RawResponse response = queue.poll();
            connection.write(response != null ? response : fallback, delivery, headerDelay);
        } finally {
            open.remove(socket);
            FakeConnection.closeQuietly(socket);
        }
    }

    private void clientDisconnected() {
        disconnects.incrementAndGet();
        disconnectSignal.release();
    }
}
