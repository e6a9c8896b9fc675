package dev.switchboard.router.ratelimit;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.policy.RateLimit;

/**
 * One owner's rate limit: {@code scope} says what kind of owner ({@value #KEY} or {@value #TEAM}), {@code owner} its
 * name. A request is held to several at once, one per owner.
 */
public record LimitKey(String scope, String owner, RateLimit limit) {

    public static final String KEY = "key";
    public static final String TEAM = "team";

    public LimitKey {
        requireNonNull(scope, "scope");
        requireNonNull(owner, "owner");
        requireNonNull(limit, "limit");
    }

    public static LimitKey ofKey(String keyName, RateLimit limit) {
        return new LimitKey(KEY, keyName, limit);
    }

    public static LimitKey ofTeam(String teamName, RateLimit limit) {
        return new LimitKey(TEAM, teamName, limit);
    }

    /** The owner's counters in the minute starting at {@code windowStartMillis}, e.g. {@code key:app:29401234}. */
    String counterId(long windowStartMillis) {
        return scope + ":" + owner + ":" + windowStartMillis / SlidingWindow.WINDOW_MILLIS;
    }

    /** E.g. {@code rate limit of key 'app': 60 requests per minute}. */
    public String describe(Measure measure) {
        return "rate limit of " + scope + " '" + owner + "': " + measure.limit(limit) + " " + measure.unit()
                + " per minute";
    }
}
