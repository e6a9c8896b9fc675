package dev.switchboard.router.ratelimit;

import static dev.switchboard.router.ratelimit.SlidingWindow.WINDOW_MILLIS;
import static java.util.Objects.requireNonNull;

import dev.switchboard.router.redis.RedisScripts;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.List;

/**
 * The rate limiter router replicas share: one Redis hash per owner and minute ({@code <prefix><scope>:<owner>:<epoch
 * minute>}, fields {@code requests}, {@code tokens}), kept {@value #TTL_SECONDS} s after its last write (a window
 * counts until two minutes after it starts). An acquire is one Lua script that checks every limit of the request and
 * then counts all of them, so replicas share each limit exactly. All of a request's counters must live on one Redis
 * node (no Redis Cluster slots across owners).
 */
public final class RedisRateLimiter implements RateLimiter, AutoCloseable {

    static final long TTL_SECONDS = 121;

    // KEYS[2i-1], KEYS[2i]: limit i's current and previous window. ARGV[1]: milliseconds into the current window;
    // ARGV[2]: estimated tokens; ARGV[3]: seconds to keep a window; ARGV[2+2i], ARGV[3+2i]: limit i's requests and
    // tokens per minute (-1: none). Counts nothing and returns {i, measure (1 requests, 2 tokens), previous, current}
    // for every limit that refuses; else counts the request in every current window and returns {}.
    // The check is SlidingWindow.fits.
    private static final String ACQUIRE = """
            local W = 60000
            local elapsed = tonumber(ARGV[1])
            local tokens = tonumber(ARGV[2])
            local fields = {'requests', 'tokens'}
            local refused = {}
            for i = 1, #KEYS / 2 do
              for m = 1, 2 do
                local limit = tonumber(ARGV[1 + 2 * i + m])
                if limit >= 0 then
                  local cost = 1
                  if m == 2 then cost = tokens end
                  if cost > limit then cost = limit end
                  local current = tonumber(redis.call('HGET', KEYS[2 * i - 1], fields[m]) or '0')
                  local previous = tonumber(redis.call('HGET', KEYS[2 * i], fields[m]) or '0')
                  if limit == 0 or previous * (W - elapsed) + (current + cost) * W > limit * W then
                    table.insert(refused, i)
                    table.insert(refused, m)
                    table.insert(refused, previous)
                    table.insert(refused, current)
                  end
                end
              end
            end
            if #refused > 0 then return refused end
            for i = 1, #KEYS / 2 do
              if tonumber(ARGV[2 + 2 * i]) >= 0 then redis.call('HINCRBY', KEYS[2 * i - 1], 'requests', 1) end
              if tonumber(ARGV[3 + 2 * i]) >= 0 then redis.call('HINCRBY', KEYS[2 * i - 1], 'tokens', tokens) end
              redis.call('EXPIRE', KEYS[2 * i - 1], ARGV[3])
            end
            return refused
            """;

    // KEYS: the windows to correct. ARGV[1]: tokens to add (negative: to give back); ARGV[2]: seconds to keep them.
    private static final String SETTLE = """
            for i = 1, #KEYS do
              if redis.call('HINCRBY', KEYS[i], 'tokens', ARGV[1]) < 0 then
                redis.call('HSET', KEYS[i], 'tokens', 0)
              end
              redis.call('EXPIRE', KEYS[i], ARGV[2])
            end
            return 0
            """;

    private final RedisScripts redis;
    private final String prefix;

    /**
     * @param url    e.g. {@code redis://127.0.0.1:6379/0}
     * @param prefix put before every key, e.g. {@code sb:rl:}
     */
    public RedisRateLimiter(String url, String prefix) {
        this.prefix = requireNonNull(prefix, "prefix");
        this.redis = new RedisScripts(url, ACQUIRE, SETTLE);
    }

    @Override
    public Permit acquire(List<LimitKey> limits, long estimatedTokens, Instant now) {
        Permit permit = Permit.of(limits, estimatedTokens, now);
        List<LimitKey> counted = permit.limits();
        if (counted.isEmpty()) {
            return permit;
        }
        long current = SlidingWindow.start(now);
        long elapsed = SlidingWindow.elapsed(now);
        int n = counted.size();
        String[] keys = new String[2 * n];
        String[] args = new String[3 + 2 * n];
        args[0] = Long.toString(elapsed);
        args[1] = Long.toString(estimatedTokens);
        args[2] = Long.toString(TTL_SECONDS);
        for (int i = 0; i < n; i++) {
            LimitKey limit = counted.get(i);
            keys[2 * i] = prefix + limit.counterId(current);
            keys[2 * i + 1] = prefix + limit.counterId(current - WINDOW_MILLIS);
            args[3 + 2 * i] = Long.toString(Measure.REQUESTS.limit(limit.limit()));
            args[4 + 2 * i] = Long.toString(Measure.TOKENS.limit(limit.limit()));
        }
        List<Object> refused = redis.eval(0, ScriptOutputType.MULTI, keys, args);
        Refusals refusals = new Refusals(elapsed);
        for (int r = 0; r + 3 < refused.size(); r += 4) {
            LimitKey limit = counted.get(number(refused.get(r)).intValue() - 1);
            Measure measure = Measure.values()[number(refused.get(r + 1)).intValue() - 1];
            refusals.refused(limit, measure, number(refused.get(r + 2)).longValue(),
                    number(refused.get(r + 3)).longValue(), measure.cost(estimatedTokens));
        }
        refusals.throwIfAny();
        return permit;
    }

    @Override
    public void settle(Permit permit, long actualTokens, Instant now) {
        Permit.Correction correction = permit.correction(actualTokens, now);
        List<LimitKey> limits = permit.tokenLimits();
        if (limits.isEmpty() || correction.tokens() == 0) {
            return;
        }
        String[] keys = limits.stream().map(l -> prefix + l.counterId(correction.window())).toArray(String[]::new);
        redis.eval(1, ScriptOutputType.INTEGER, keys,
                new String[] {Long.toString(correction.tokens()), Long.toString(TTL_SECONDS)});
    }

    @Override
    public boolean blocking() {
        return true;
    }

    /** Requests and tokens counted in a window, for tests and diagnostics. */
    long[] usage(LimitKey limit, Instant windowStart) {
        String key = prefix + limit.counterId(windowStart.toEpochMilli());
        var values = redis.commands().hmget(key, "requests", "tokens");
        return new long[] {Long.parseLong(values.get(0).getValueOrElse("0")),
                Long.parseLong(values.get(1).getValueOrElse("0"))};
    }

    @Override
    public void close() {
        redis.close();
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
