package dev.switchboard.router.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.policy.RateLimit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What every {@link RateLimiter} must do; run against the in-memory and the Redis limiter. Time is {@code now}. */
abstract class RateLimiterContract {

    static final Instant MINUTE = Instant.parse("2026-11-25T15:00:00Z");
    static final Instant NEXT_MINUTE = MINUTE.plusSeconds(60);

    /** A fresh, empty limiter. */
    protected abstract RateLimiter limiter();

    /** Requests and tokens the limiter counted for {@code limit} in the minute starting at {@code window}. */
    protected abstract long[] usage(LimitKey limit, Instant window);

    static LimitKey key(Long requests, Long tokens) {
        return LimitKey.ofKey("app", new RateLimit(requests, tokens));
    }

    @Test
    void admitsUpToTheRequestLimitThenRefusesNamingItWithTheWaitUntilThereIsRoom() {
        RateLimiter limiter = limiter();
        LimitKey app = key(3L, null);
        Instant now = MINUTE.plusSeconds(30);
        for (int i = 0; i < 3; i++) {
            limiter.acquire(List.of(app), 10, now);
        }

        // 3 in this minute: room for one more once the minute's weight falls to 2, at 15:01:20 (50 s from now)
        assertThatThrownBy(() -> limiter.acquire(List.of(app), 10, now))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.RATE_LIMITED);
                    assertThat(e.limit()).isEqualTo(app);
                    assertThat(e.measure()).isEqualTo(Measure.REQUESTS);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(50));
                    assertThat(e.getMessage())
                            .isEqualTo("rate limit of key 'app': 3 requests per minute; retry after 50 s");
                });
        assertThat(usage(app, MINUTE)).containsExactly(3, 0);
        assertThatThrownBy(() -> limiter.acquire(List.of(app), 10, now.plusSeconds(49)))
                .isInstanceOf(RateLimitedException.class);
        limiter.acquire(List.of(app), 10, now.plusSeconds(50));
    }

    @Test
    void refusesTokensBeyondTheTokenLimit() {
        RateLimiter limiter = limiter();
        LimitKey app = key(null, 1_000L);
        limiter.acquire(List.of(app), 600, MINUTE.plusSeconds(10));

        assertThatThrownBy(() -> limiter.acquire(List.of(app), 500, MINUTE.plusSeconds(10)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.measure()).isEqualTo(Measure.TOKENS);
                    // 600 + 500 > 1000 until the next minute starts, then 600 × (60 − t)/60 ≤ 500 from t = 10 s
                    assertThat(e.getMessage())
                            .isEqualTo("rate limit of key 'app': 1000 tokens per minute; retry after 60 s");
                });
        limiter.acquire(List.of(app), 400, MINUTE.plusSeconds(10));
        assertThat(usage(app, MINUTE)).containsExactly(0, 1_000);
    }

    @Test
    void theSlidingWindowFreesRoomGraduallyAsThePreviousMinuteSlidesOut() {
        RateLimiter limiter = limiter();
        LimitKey app = key(60L, null);
        for (int i = 0; i < 60; i++) {
            limiter.acquire(List.of(app), 0, MINUTE.plusSeconds(i));
        }

        assertThatThrownBy(() -> limiter.acquire(List.of(app), 0, NEXT_MINUTE))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        // half-way through the next minute the previous one weighs 30: room for 30 more, not 60
        Instant halfWay = NEXT_MINUTE.plusSeconds(30);
        for (int i = 0; i < 30; i++) {
            limiter.acquire(List.of(app), 0, halfWay);
        }
        assertThatThrownBy(() -> limiter.acquire(List.of(app), 0, halfWay))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        limiter.acquire(List.of(app), 0, halfWay.plusSeconds(1));
        assertThat(usage(app, NEXT_MINUTE)).containsExactly(31, 0);
    }

    @Test
    void aWaitOfAFractionOfASecondIsRoundedUpToOne() {
        RateLimiter limiter = limiter();
        LimitKey app = key(null, 7L);
        limiter.acquire(List.of(app), 7, MINUTE);

        // 7 × (60 − t)/60 + 1 ≤ 7 from t = 8.571 s
        assertThatThrownBy(() -> limiter.acquire(List.of(app), 1, NEXT_MINUTE))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(9)));
        assertThatThrownBy(() -> limiter.acquire(List.of(app), 1, NEXT_MINUTE.plusMillis(8_500)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        limiter.acquire(List.of(app), 1, NEXT_MINUTE.plusMillis(8_572));
    }

    @Test
    void settleCorrectsTheEstimateUpAndDown() {
        RateLimiter limiter = limiter();
        LimitKey app = key(100L, 1_000L);
        Permit first = limiter.acquire(List.of(app), 500, MINUTE);
        limiter.settle(first, 100, MINUTE.plusSeconds(5));
        assertThat(usage(app, MINUTE)).containsExactly(1, 100);

        Permit second = limiter.acquire(List.of(app), 900, MINUTE.plusSeconds(5));
        limiter.settle(second, 1_200, MINUTE.plusSeconds(10));
        assertThat(usage(app, MINUTE)).containsExactly(2, 1_300);
        assertThatThrownBy(() -> limiter.acquire(List.of(app), 0, MINUTE.plusSeconds(10)))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.measure()).isEqualTo(Measure.TOKENS));
    }

    @Test
    void aSettleAfterItsWindowStoppedCountingAddsOnlyTheTokensBeyondTheEstimateNow() {
        RateLimiter limiter = limiter();
        LimitKey app = key(null, 10_000L);
        Permit under = limiter.acquire(List.of(app), 500, MINUTE);
        Permit over = limiter.acquire(List.of(app), 500, MINUTE);
        Instant later = MINUTE.plusSeconds(150); // 15:02:30: the 15:00 window no longer counts

        limiter.settle(under, 100, later);
        limiter.settle(over, 800, later);

        assertThat(usage(app, MINUTE.plusSeconds(120))).containsExactly(0, 300);
    }

    @Test
    void settlingNeverTakesTheCountBelowZero() {
        RateLimiter limiter = limiter();
        LimitKey app = key(null, 1_000L);
        Permit permit = limiter.acquire(List.of(app), 500, MINUTE);
        limiter.settle(new Permit(permit.limits(), 800, permit.window()), 0, MINUTE.plusSeconds(1));

        assertThat(usage(app, MINUTE)).containsExactly(0, 0);
        limiter.acquire(List.of(app), 1_000, MINUTE.plusSeconds(1));
    }

    @Test
    void withSeveralLimitsTheStricterRefusesAndNothingIsCounted() {
        RateLimiter limiter = limiter();
        LimitKey app = key(60L, 100_000L);
        LimitKey team = LimitKey.ofTeam("ml", new RateLimit(2L, null));
        limiter.acquire(List.of(app, team), 100, MINUTE);
        limiter.acquire(List.of(app, team), 100, MINUTE);

        assertThatThrownBy(() -> limiter.acquire(List.of(app, team), 100, MINUTE))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.limit()).isEqualTo(team);
                    assertThat(e.getMessage()).startsWith("rate limit of team 'ml': 2 requests per minute;");
                });
        assertThat(usage(app, MINUTE)).as("the key's limit had room but counted nothing").containsExactly(2, 200);
        assertThat(usage(team, MINUTE)).containsExactly(2, 0);
        limiter.acquire(List.of(app), 100, MINUTE);
        assertThat(usage(app, MINUTE)).containsExactly(3, 300);
    }

    @Test
    void aLimitGivenTwiceCountsOnce() {
        RateLimiter limiter = limiter();
        LimitKey app = key(2L, 100L);
        limiter.acquire(List.of(app, app), 10, MINUTE);

        assertThat(usage(app, MINUTE)).containsExactly(1, 10);
    }

    @Test
    void whenSeveralLimitsRefuseTheOneWithTheLongestWaitIsNamed() {
        RateLimiter limiter = limiter();
        LimitKey app = key(2L, null);
        LimitKey team = LimitKey.ofTeam("ml", new RateLimit(null, 100L));
        limiter.acquire(List.of(app), 0, MINUTE);
        limiter.acquire(List.of(app), 0, MINUTE);
        limiter.acquire(List.of(team), 100, MINUTE.plusSeconds(50));

        // the key has room 40 s from now (2 × (60 − 30)/60 + 1 ≤ 2), the team only in 70 s

        assertThatThrownBy(() -> limiter.acquire(List.of(app, team), 100, MINUTE.plusSeconds(50)))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> {
                    assertThat(e.limit()).isEqualTo(team);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(70));
                });
    }

    @Test
    void aRequestLargerThanTheWholeTokenLimitPassesOnlyWhenTheWindowIsEmpty() {
        RateLimiter limiter = limiter();
        LimitKey app = key(null, 1_000L);
        limiter.acquire(List.of(app), 5_000, MINUTE);

        assertThatThrownBy(() -> limiter.acquire(List.of(app), 5_000, MINUTE.plusSeconds(30)))
                .isInstanceOf(RateLimitedException.class);
        limiter.acquire(List.of(app), 5_000, MINUTE.plusSeconds(120));
    }

    @Test
    void aLimitOfZeroRefusesEverything() {
        RateLimiter limiter = limiter();
        assertThatThrownBy(() -> limiter.acquire(List.of(key(0L, null)), 0, MINUTE))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60)));
    }

    @Test
    void requestsWithoutLimitsAreFree() {
        RateLimiter limiter = limiter();
        LimitKey none = LimitKey.ofKey("app", RateLimit.NONE);

        for (int i = 0; i < 1_000; i++) {
            Permit permit = limiter.acquire(List.of(none), 1_000_000, MINUTE);
            assertThat(permit.limits()).isEmpty();
            limiter.settle(permit, 2_000_000, MINUTE);
        }
        limiter.settle(limiter.acquire(List.of(), 5, MINUTE), 7, MINUTE);
        assertThat(usage(none, MINUTE)).containsExactly(0, 0);
    }

    @Test
    void manyConcurrentRequestsAreAdmittedExactlyUpToTheLimit() throws Exception {
        RateLimiter limiter = limiter();
        LimitKey app = key(50L, null);

        assertThat(acquireConcurrently(List.of(limiter), app, 200)).isEqualTo(50);
        assertThat(usage(app, MINUTE)).containsExactly(50, 0);
    }

    /** {@code tasks} acquires at 15:00:30 from 16 threads, spread over {@code limiters}; how many were admitted. */
    protected static int acquireConcurrently(List<RateLimiter> limiters, LimitKey limit, int tasks) throws Exception {
        var admitted = new AtomicInteger();
        List<Callable<Void>> work = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            RateLimiter limiter = limiters.get(i % limiters.size());
            work.add(() -> {
                try {
                    limiter.acquire(List.of(limit), 10, MINUTE.plusSeconds(30));
                    admitted.incrementAndGet();
                } catch (RateLimitedException refused) {
                    // expected once the limit is reached
                }
                return null;
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }
        return admitted.get();
    }
}
