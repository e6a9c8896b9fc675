package dev.switchboard.router.routing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Every attempt of one request, in the order they ended, and the route that served it (a {@code rules} route
 * names the route it chose). Shared by the attempts of a race, so it is synchronized.
 */
public final class Attempts {

    private final List<Attempt> attempts = new ArrayList<>(2);
    private @Nullable String servedRoute;
    private int started;

    /** One more attempt is starting. */
    public synchronized void begin() {
        started++;
    }

    /** Attempts started so far, ended or not. */
    public synchronized int started() {
        return started;
    }

    public synchronized void add(Attempt attempt) {
        attempts.add(attempt);
    }

    public synchronized List<Attempt> all() {
        return List.copyOf(attempts);
    }

    public synchronized void servedBy(String route) {
        servedRoute = route;
    }

    public synchronized @Nullable String servedRoute() {
        return servedRoute;
    }
}
