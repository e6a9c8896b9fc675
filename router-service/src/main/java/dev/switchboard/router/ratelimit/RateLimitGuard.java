package dev.switchboard.router.ratelimit;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.router.events.Completion;
import dev.switchboard.router.policy.Caller;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Holds one request to its key's and team's rate limits: before any upstream call it takes a request and the
 * estimated tokens from every limit (refusing with 429 and {@code retry-after} when one has no room), and once the
 * completion event is built it corrects the tokens to what the request really used. A caller without limits costs
 * nothing.
 */
public final class RateLimitGuard {

    private static final Logger log = LoggerFactory.getLogger(RateLimitGuard.class);

    private final RateLimiter limiter;
    private final Clock clock;

    public RateLimitGuard(RateLimiter limiter, Clock clock) {
        this.limiter = limiter;
        this.clock = clock;
    }

    /** Runs {@code call} once the caller's limits admitted a request of {@code estimatedTokens}. */
    public <T> Mono<T> around(Caller caller, long estimatedTokens, Completion completion, Supplier<Mono<T>> call) {
        List<LimitKey> limits = limits(caller);
        if (limits.isEmpty()) {
            return call.get();
        }
        if (!limiter.blocking()) {
            acquire(limits, estimatedTokens, completion);
            return call.get();
        }
        return Mono.fromRunnable(() -> acquire(limits, estimatedTokens, completion))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(call));
    }

    static List<LimitKey> limits(Caller caller) {
        List<LimitKey> limits = new ArrayList<>(2);
        if (caller.key() != null && !caller.key().limits().isNone()) {
            limits.add(LimitKey.ofKey(caller.keyName(), caller.key().limits()));
        }
        if (caller.team() != null && !caller.team().limits().isNone()) {
            limits.add(LimitKey.ofTeam(caller.team().id(), caller.team().limits()));
        }
        return limits;
    }

    /** The settle is registered before returning, so a caller that left meanwhile still corrects its tokens. */
    private void acquire(List<LimitKey> limits, long estimatedTokens, Completion completion) {
        Permit permit = limiter.acquire(limits, estimatedTokens, clock.instant());
        completion.onEvent(event -> {
            TokenUsage usage = event == null ? null : event.result().usage();
            try {
                limiter.settle(permit, usage == null ? 0 : usage.input() + usage.output(), clock.instant());
            } catch (RuntimeException e) {
                log.error("could not correct the tokens of a rate-limit permit", e);
            }
        });
    }
}
