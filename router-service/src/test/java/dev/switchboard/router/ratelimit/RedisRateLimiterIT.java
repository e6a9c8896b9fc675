package dev.switchboard.router.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.policy.RateLimit;
import io.lettuce.core.RedisClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The rate limiter contract on the machine's Redis (127.0.0.1:6379), each test under its own key prefix. */
class RedisRateLimiterIT extends RateLimiterContract {

    private static final String URL = System.getProperty("switchboard.test.redis-url", "redis://127.0.0.1:6379/0");

    private final String prefix = "sb-test:rl:" + UUID.randomUUID() + ":";
    private final List<RedisRateLimiter> opened = new ArrayList<>();

    @Override
    protected RateLimiter limiter() {
        var limiter = new RedisRateLimiter(URL, prefix);
        opened.add(limiter);
        return limiter;
    }

    @Override
    protected long[] usage(LimitKey limit, Instant window) {
        return opened.getFirst().usage(limit, window);
    }

    @AfterEach
    void removeKeysAndClose() {
        try {
            assertThat(keys()).allSatisfy(key -> assertThat(ttl(key)).isBetween(1L, RedisRateLimiter.TTL_SECONDS));
            RedisClient client = RedisClient.create(URL);
            try (var connection = client.connect()) {
                List<String> keys = keys();
                if (!keys.isEmpty()) {
                    connection.sync().del(keys.toArray(String[]::new));
                }
            } finally {
                client.shutdown();
            }
        } finally {
            opened.forEach(RedisRateLimiter::close);
        }
    }

    @Test
    void twoReplicasHammeredConcurrentlyAdmitExactlyTheLimitBetweenThem() throws Exception {
        RateLimiter first = limiter();
        RateLimiter second = limiter();
        LimitKey app = key(50L, null);

        assertThat(acquireConcurrently(List.of(first, second), app, 400)).isEqualTo(50);
        assertThat(usage(app, MINUTE)).containsExactly(50, 0);
    }

    @Test
    void requestsWithoutLimitsNeverTouchRedis() {
        RedisRateLimiter limiter = new RedisRateLimiter(URL, prefix);
        limiter.close();

        Permit permit = limiter.acquire(List.of(LimitKey.ofKey("app", RateLimit.NONE)), 1_000, MINUTE);
        limiter.settle(permit, 5_000, MINUTE);
        limiter.settle(limiter.acquire(List.of(), 1_000, MINUTE), 5_000, MINUTE);

        assertThat(permit.limits()).isEmpty();
    }

    @Test
    void settlingARequestWithoutATokenLimitDoesNotTouchRedis() {
        RedisRateLimiter limiter = new RedisRateLimiter(URL, prefix);
        Permit permit = limiter.acquire(List.of(key(10L, null)), 1_000, MINUTE);
        limiter.close();

        limiter.settle(permit, 5_000, MINUTE);
    }

    @Test
    void aFlushedScriptIsLoadedAgain() {
        RateLimiter limiter = limiter();
        RedisClient client = RedisClient.create(URL);
        try (var connection = client.connect()) {
            connection.sync().scriptFlush();
        } finally {
            client.shutdown();
        }

        limiter.settle(limiter.acquire(List.of(key(10L, 100L)), 50, MINUTE), 20, MINUTE);

        assertThat(usage(key(10L, 100L), MINUTE)).containsExactly(1, 20);
    }

    private List<String> keys() {
        RedisClient client = RedisClient.create(URL);
        try (var connection = client.connect()) {
            return connection.sync().keys(prefix + "*");
        } finally {
            client.shutdown();
        }
    }

    private long ttl(String key) {
        RedisClient client = RedisClient.create(URL);
        try (var connection = client.connect()) {
            return connection.sync().ttl(key);
        } finally {
            client.shutdown();
        }
    }
}
