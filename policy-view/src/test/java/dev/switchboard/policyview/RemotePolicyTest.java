package dev.switchboard.policyview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.policy.KeyPolicy;
import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicySnapshot;
import dev.switchboard.contracts.policy.PolicyView;
import dev.switchboard.contracts.policy.RateLimit;
import dev.switchboard.contracts.policy.Source;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RemotePolicyTest {

    static KeyPolicy key(String id, String hash) {
        return new KeyPolicy(id, "app", "payments", "sb-" + id, hash, Set.of(), null, RateLimit.NONE, List.of(),
                Set.of(), null, false, Source.API);
    }

    /** A policy service that can be switched off. */
    static final class FakeService implements SnapshotSource {
        final AtomicBoolean up = new AtomicBoolean();
        volatile PolicySnapshot snapshot = new PolicySnapshot(3, List.of(), List.of(key("k1", "h1")), List.of(), List.of());

        @Override
        public PolicySnapshot fetch() throws IOException {
            if (!up.get()) {
                throw new IOException("connection refused");
            }
            return snapshot;
        }

        @Override
        public boolean reachable() {
            return up.get();
        }
    }

    static final class FakeFeed implements ChangeFeed {
        volatile Consumer<List<PolicyChange>> sink;
        volatile FeedHealth health;

        @Override
        public void start(Consumer<List<PolicyChange>> sink, FeedHealth health) {
            this.sink = sink;
            this.health = health;
            health.contact();
        }

        @Override
        public void close() {
        }
    }

    @Test
    void bootstrapsWhenTheServiceComesUpThenFollowsTheFeed() {
        var service = new FakeService();
        var feed = new FakeFeed();
        List<PolicyView> seen = new CopyOnWriteArrayList<>();
        try (var remote = new RemotePolicy(service, feed, Duration.ofMillis(100), Clock.systemUTC())) {
            remote.onChange(seen::add);
            remote.start();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> remote.status().stale() && !remote.status().bootstrapped());
            assertThat(remote.status().problem()).contains("connection refused");
            assertThat(remote.view().keyByHash("h1")).isEmpty();

            service.up.set(true);
            await().atMost(Duration.ofSeconds(5)).until(() -> remote.status().bootstrapped());
            assertThat(remote.view().keyByHash("h1")).isPresent();
            assertThat(remote.status().seq()).isEqualTo(3);
            assertThat(remote.status().stale()).isFalse();

            feed.sink.accept(List.of(PolicyChange.removed(4, PolicyChange.Entity.KEY, "k1"),
                    PolicyChange.of(5, key("k2", "h2"))));
            assertThat(remote.view().keyByHash("h1")).isEmpty();
            assertThat(remote.view().keyByHash("h2")).isPresent();
            assertThat(seen).hasSize(2);
        }
    }

    @Test
    void keepsTheLastViewAndSaysStaleWhenTheServiceGoesAway() {
        var service = new FakeService();
        service.up.set(true);
        var feed = new FakeFeed();
        try (var remote = new RemotePolicy(service, feed, Duration.ofMillis(50), Clock.systemUTC())) {
            remote.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> remote.status().bootstrapped());
            service.up.set(false);
            await().atMost(Duration.ofSeconds(5)).until(() -> remote.status().stale());
            assertThat(remote.status().problem()).isEqualTo("policy service not reachable");
            assertThat(remote.view().keyByHash("h1")).as("the last view still decides").isPresent();
        }
    }

    @Test
    void withoutAPolicyServiceNothingIsStale() {
        try (var remote = RemotePolicy.none()) {
            remote.start();
            assertThat(remote.status()).isEqualTo(new RemotePolicy.Status(false, false, 0, false, null));
        }
    }
}
