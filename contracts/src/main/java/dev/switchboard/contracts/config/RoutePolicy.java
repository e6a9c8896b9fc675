package dev.switchboard.contracts.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How a route picks, retries and bounds its deployments.
 *
 * @param raceWidth how many deployments a {@code race} starts at once
 * @param rules for {@code rules}: the first matching rule names the route that serves the request
 * @param defaultRoute for {@code rules}: the route when no rule matches ({@code null}: this route's own targets)
 */
public record RoutePolicy(Strategy strategy, Retry retry, Timeouts timeouts, int raceWidth, List<Rule> rules,
                          @Nullable String defaultRoute) {

    public static final RoutePolicy DEFAULT = new RoutePolicy(Strategy.FIXED, Retry.DEFAULT, Timeouts.DEFAULT, 2,
            List.of(), null);

    public RoutePolicy {
        requireNonNull(strategy, "strategy");
        requireNonNull(retry, "retry");
        requireNonNull(timeouts, "timeouts");
        rules = List.copyOf(rules);
    }

    /** The order deployments are tried in. */
    public enum Strategy {
        /** As listed. */
        FIXED,
        /** Randomly, in proportion to each target's weight. */
        WEIGHTED,
        /** Lowest expected cost for this request first, among deployments that can serve it. */
        CHEAPEST,
        /** Lowest recent latency first (time to first token for streams), with a little exploration. */
        FASTEST,
        /** Start {@code raceWidth} deployments at once; the first to produce output wins, the rest are cancelled. */
        RACE,
        /** The first matching rule chooses another route. */
        RULES
    }

    /**
     * Retries of one deployment before moving on: {@code attempts} in all per deployment, exponential backoff from
     * {@code backoff} up to {@code maxBackoff} with jitter; a {@code retry-after} longer than {@code maxWait} (or than
     * the time left) moves on at once.
     */
    public record Retry(int attempts, Duration backoff, Duration maxBackoff, Duration maxWait) {
        /** One retry, soon: a longer wait is better spent on the next deployment or left to the caller's SDK. */
        public static final Retry DEFAULT = new Retry(2, Duration.ofMillis(200), Duration.ofSeconds(2),
                Duration.ofSeconds(2));

        public Retry {
            requireNonNull(backoff, "backoff");
            requireNonNull(maxBackoff, "maxBackoff");
            requireNonNull(maxWait, "maxWait");
        }
    }

    /**
     * {@code total}: the whole request, every attempt and wait included; {@code firstToken}: from an attempt's start to
     * its first output; {@code idle}: the longest pause between events of a stream. {@code null}: no limit beyond the
     * provider's {@code timeout} for response headers.
     */
    public record Timeouts(Duration total, @Nullable Duration firstToken, @Nullable Duration idle) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofMinutes(10), null, null);

        public Timeouts {
            requireNonNull(total, "total");
        }
    }

    /** {@code when} matches → {@code route} serves the request. */
    public record Rule(Match when, String route) {
        public Rule {
            requireNonNull(when, "when");
            requireNonNull(route, "route");
        }
    }

    /**
     * Request attributes a rule tests; every condition given must hold. {@code task} is the
     * {@code x-switchboard-task} header, {@code metadata} the caller's request metadata, {@code key} the Switchboard
     * key's name, the token bounds an estimate of the input, {@code tools}/{@code images} whether the request has any.
     */
    public record Match(@Nullable String task, Map<String, String> metadata, @Nullable String key,
                        @Nullable Long minInputTokens, @Nullable Long maxInputTokens, @Nullable Boolean tools,
                        @Nullable Boolean images) {
        public Match {
            metadata = Map.copyOf(metadata);
        }
    }
}
