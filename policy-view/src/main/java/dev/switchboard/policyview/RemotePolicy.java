package dev.switchboard.policyview;

import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyView;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The policy service's part of a replica's view: bootstrapped from its snapshot (retried in the background until it
 * answers), then kept current from the change feed. When the service or the feed cannot be reached the replica keeps
 * deciding on the last view, and {@link #status()} says the view is stale.
 */
public final class RemotePolicy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RemotePolicy.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final AtomicReference<PolicyView> view = new AtomicReference<>(PolicyView.EMPTY);
    private final @Nullable SnapshotSource source;
    private final @Nullable ChangeFeed feed;
    private final Duration probe;
    private final Clock clock;
    private final List<Consumer<PolicyView>> listeners = new CopyOnWriteArrayList<>();
    private final @Nullable ScheduledExecutorService scheduler;
    private volatile boolean bootstrapped;
    private final CountDownLatch firstView = new CountDownLatch(1);
    private volatile @Nullable Instant serviceContact;
    private volatile @Nullable Instant feedContact;
    private volatile @Nullable String problem;

    public RemotePolicy(@Nullable SnapshotSource source, @Nullable ChangeFeed feed, Duration probe, Clock clock) {
        this.source = source;
        this.feed = feed;
        this.probe = probe;
        this.clock = clock;
        this.scheduler = source == null ? null : Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("policy-view").factory());
    }

    /** No policy service: the file is the whole policy. */
    public static RemotePolicy none() {
        return new RemotePolicy(null, null, Duration.ofSeconds(5), Clock.systemUTC());
    }

    public PolicyView view() {
        return view.get();
    }

    /** Called with the new view after every change that altered it (on the feed's thread). */
    public void onChange(Consumer<PolicyView> listener) {
        listeners.add(listener);
    }

    public void start() {
        if (scheduler != null) {
            scheduler.execute(() -> bootstrap(Duration.ofMillis(500)));
        }
    }

    private void bootstrap(Duration backoff) {
        try {
            var snapshot = source.fetch();
            serviceContact = clock.instant();
            PolicyView before = view.get();
            PolicyView next = view.updateAndGet(current -> current.merge(snapshot));
            bootstrapped = true;
            firstView.countDown();
            problem = null;
            log.info("policy view bootstrapped at change {} ({} teams, {} keys)", snapshot.seq(),
                    snapshot.teams().size(), snapshot.keys().size());
            changed(before, next);
            if (feed != null) {
                feed.start(this::apply, new Health());
            }
            scheduler.scheduleWithFixedDelay(this::probe, probe.toMillis(), probe.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException | RuntimeException e) {
            problem = "policy service not reachable: " + e.getMessage();
            log.warn("{}; retrying in {} ms", problem, backoff.toMillis());
            Duration next = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            scheduler.schedule(() -> bootstrap(next), backoff.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Waits up to {@code timeout} for the first snapshot, so a replica that just started does not refuse keys the
     * policy service issued; false when it did not come in time (the replica serves and bootstraps in the background).
     */
    public boolean awaitBootstrap(Duration timeout) {
        if (source == null) {
            return true;
        }
        try {
            return firstView.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Applies changes from the feed (also used directly by tests and single-process deployments). */
    public void apply(List<PolicyChange> changes) {
        PolicyView before = view.get();
        PolicyView next = view.updateAndGet(current -> current.apply(changes));
        changed(before, next);
    }

    private void changed(PolicyView before, PolicyView next) {
        if (next != before) {
            listeners.forEach(listener -> listener.accept(next));
        }
    }

    private void probe() {
        if (source.reachable()) {
            serviceContact = clock.instant();
        } else {
            problem = "policy service not reachable";
        }
    }

    public Status status() {
        if (source == null) {
            return new Status(false, false, 0, false, null);
        }
        Instant now = clock.instant();
        Duration allowed = probe.multipliedBy(3);
        boolean stale = !bootstrapped || old(serviceContact, now, allowed) || feed != null && old(feedContact, now, allowed);
        return new Status(true, bootstrapped, view.get().seq(), stale, stale ? problem : null);
    }

    private static boolean old(@Nullable Instant contact, Instant now, Duration allowed) {
        return contact == null || contact.plus(allowed).isBefore(now);
    }

    @Override
    public void close() {
        if (feed != null) {
            feed.close();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /**
     * What health endpoints show: whether a policy service is configured, whether the first snapshot arrived, the
     * last change applied, and whether the view may be behind (with why).
     */
    public record Status(boolean configured, boolean bootstrapped, long seq, boolean stale, @Nullable String problem) {}

    private final class Health implements ChangeFeed.FeedHealth {
        @Override
        public void contact() {
            feedContact = clock.instant();
        }

        @Override
        public void problem(String message) {
            problem = message;
        }
    }
}
