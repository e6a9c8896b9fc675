package dev.switchboard.providers.http;

import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * One connection pool per event loop. Reactor Netty creates a client connection on the loop that asks for it, but
 * a shared pool hands out any idle connection, so a request served on one loop would often be proxied through a
 * connection of another and every response chunk would cross threads (a wake-up and a context switch each). With a
 * pool per loop, an outgoing call stays on the loop that serves its caller. Calls from other threads (tests,
 * blocking bridges) share one pool. The edge uses it for the router hop, the router for upstream calls.
 */
public final class LoopLocalClients implements Supplier<HttpClient>, AutoCloseable {

    private final Supplier<ConnectionProvider> pools;
    private final Function<ConnectionProvider, HttpClient> configure;
    private final Map<Thread, Pooled> perLoop = new ConcurrentHashMap<>();
    private final Pooled shared;

    public LoopLocalClients(Supplier<ConnectionProvider> pools, Function<ConnectionProvider, HttpClient> configure) {
        this.pools = pools;
        this.configure = configure;
        this.shared = pooled();
    }

    @Override
    public HttpClient get() {
        Thread thread = Thread.currentThread();
        if (!(thread instanceof FastThreadLocalThread)) {
            return shared.client();
        }
        return perLoop.computeIfAbsent(thread, t -> pooled()).client();
    }

    private Pooled pooled() {
        ConnectionProvider pool = pools.get();
        return new Pooled(pool, configure.apply(pool));
    }

    @Override
    public void close() {
        shared.pool().dispose();
        perLoop.values().forEach(p -> p.pool().dispose());
        perLoop.clear();
    }

    private record Pooled(ConnectionProvider pool, HttpClient client) {
    }
}
