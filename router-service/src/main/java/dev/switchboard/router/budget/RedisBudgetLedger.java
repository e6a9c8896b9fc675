package dev.switchboard.router.budget;

import static java.util.Objects.requireNonNull;

import dev.switchboard.router.redis.RedisScripts;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The ledger router replicas share: one Redis hash per budget window ({@code <prefix><scope>:<owner>:<budget>:<start
 * date>}, fields {@code spent}, {@code reserved}, {@code alerted}), kept until a day after the window ends. Each
 * operation is one Lua script, so a reservation checks and takes every window atomically across replicas. All of a
 * request's windows must live on one Redis node (no Redis Cluster slots across owners).
 */
public final class RedisBudgetLedger implements BudgetLedger, AutoCloseable {

    // KEYS: one hash per window. ARGV[1]: micro-dollars to reserve; ARGV[1+i]: the limit of KEYS[i];
    // ARGV[1+n+i]: seconds to keep KEYS[i] (0: for ever). Returns 0, or the index of the first window that refuses.
    private static final String RESERVE = """
            local n = #KEYS
            local amount = tonumber(ARGV[1])
            for i = 1, n do
              local v = redis.call('HMGET', KEYS[i], 'spent', 'reserved')
              if tonumber(v[1] or '0') + tonumber(v[2] or '0') + amount > tonumber(ARGV[1 + i]) then
                return i
              end
            end
            for i = 1, n do
              redis.call('HINCRBY', KEYS[i], 'reserved', ARGV[1])
              local ttl = tonumber(ARGV[1 + n + i])
              if ttl > 0 then redis.call('EXPIRE', KEYS[i], ttl) end
            end
            return 0
            """;

    // KEYS: the reservation's windows. ARGV[1]: minus the reserved micro-dollars; ARGV[2]: the actual spend;
    // ARGV[2+i]: the alert threshold of KEYS[i] (-1: none); ARGV[2+n+i]: seconds to keep KEYS[i] (0: for ever).
    // Returns per window its spend and 1 when this call crossed the alert threshold first, else 0.
    private static final String SETTLE = """
            local n = #KEYS
            local out = {}
            for i = 1, n do
              if redis.call('HINCRBY', KEYS[i], 'reserved', ARGV[1]) < 0 then
                redis.call('HSET', KEYS[i], 'reserved', 0)
              end
              local spent = redis.call('HINCRBY', KEYS[i], 'spent', ARGV[2])
              local alert = tonumber(ARGV[2 + i])
              local crossed = 0
              if alert >= 0 and spent >= alert and redis.call('HSETNX', KEYS[i], 'alerted', 1) == 1 then
                crossed = 1
              end
              local ttl = tonumber(ARGV[2 + n + i])
              if ttl > 0 then redis.call('EXPIRE', KEYS[i], ttl) end
              out[2 * i - 1] = spent
              out[2 * i] = crossed
            end
            return out
            """;

    private static final Duration GRACE = InMemoryBudgetLedger.GRACE;
    private static final long MIN_TTL_SECONDS = 60;

    /** KEYS[1] the window; ARGV[1] the recorded spend, ARGV[2] the window's TTL (0: none). */
    private static final String RAISE = """
            local spent = tonumber(redis.call('HGET', KEYS[1], 'spent') or '0')
            if spent < tonumber(ARGV[1]) then redis.call('HSET', KEYS[1], 'spent', ARGV[1]) end
            local ttl = tonumber(ARGV[2])
            if ttl > 0 then redis.call('EXPIRE', KEYS[1], ttl) end
            return 0
            """;

    private final RedisScripts redis;
    private final String prefix;
    private final BudgetAlerts alerts;
    private final Clock clock;

    /**
     * @param url    e.g. {@code redis://127.0.0.1:6379/0}
     * @param prefix put before every key, e.g. {@code switchboard:budget:}
     * @param clock  for the keys' time to live when settling ({@link #reserve} uses its {@code now})
     */
    public RedisBudgetLedger(String url, String prefix, BudgetAlerts alerts, Clock clock) {
        this.prefix = requireNonNull(prefix, "prefix");
        this.alerts = requireNonNull(alerts, "alerts");
        this.clock = requireNonNull(clock, "clock");
        this.redis = new RedisScripts(url, RESERVE, SETTLE, RAISE);
    }

    @Override
    public Reservation reserve(List<BudgetKey> budgets, long microsWorstCase, Instant now) {
        if (microsWorstCase < 0) {
            throw new IllegalArgumentException("reservation of " + microsWorstCase + " micro-dollars (expected >= 0)");
        }
        List<Reservation.Hold> holds = Reservation.windows(budgets, now);
        int n = holds.size();
        String[] keys = new String[n];
        String[] args = new String[1 + 2 * n];
        args[0] = Long.toString(microsWorstCase);
        for (int i = 0; i < n; i++) {
            Reservation.Hold hold = holds.get(i);
            keys[i] = prefix + hold.id();
            args[1 + i] = Long.toString(hold.budget().budget().limitMicros());
            args[1 + n + i] = Long.toString(ttlSeconds(hold.end(), now));
        }
        Long refused = redis.eval(0, ScriptOutputType.INTEGER, keys, args);
        if (refused != null && refused > 0) {
            throw BudgetExceededException.at(holds.get(refused.intValue() - 1));
        }
        return new Reservation(holds, microsWorstCase);
    }

    @Override
    public void settle(Reservation reservation, long actualMicros) {
        if (actualMicros < 0) {
            throw new IllegalArgumentException("spend of " + actualMicros + " micro-dollars (expected >= 0)");
        }
        List<Reservation.Hold> holds = reservation.holds();
        int n = holds.size();
        if (n == 0) {
            return;
        }
        Instant now = clock.instant();
        String[] keys = new String[n];
        String[] args = new String[2 + 2 * n];
        args[0] = Long.toString(-reservation.micros());
        args[1] = Long.toString(actualMicros);
        for (int i = 0; i < n; i++) {
            Reservation.Hold hold = holds.get(i);
            keys[i] = prefix + hold.id();
            args[2 + i] = Long.toString(hold.budget().budget().alertMicros());
            args[2 + n + i] = Long.toString(ttlSeconds(hold.end(), now));
        }
        List<Object> out = redis.eval(1, ScriptOutputType.MULTI, keys, args);
        for (int i = 0; i < n; i++) {
            if (((Number) out.get(2 * i + 1)).longValue() == 1) {
                alerts.crossed(holds.get(i), ((Number) out.get(2 * i)).longValue());
            }
        }
    }

    @Override
    public void raiseSpent(BudgetKey budget, Instant now, long micros) {
        Reservation.Hold hold = Reservation.windows(List.of(budget), now).getFirst();
        redis.eval(2, ScriptOutputType.INTEGER, new String[] {prefix + hold.id()},
                new String[] {Long.toString(micros), Long.toString(ttlSeconds(hold.end(), now))});
    }

    @Override
    public boolean blocking() {
        return true;
    }

    /** Spent and reserved micro-dollars of a window, for tests and diagnostics. */
    long[] usage(String windowId) {
        var values = redis.commands().hmget(prefix + windowId, "spent", "reserved");
        return new long[] {Long.parseLong(values.get(0).getValueOrElse("0")),
                Long.parseLong(values.get(1).getValueOrElse("0"))};
    }

    @Override
    public void close() {
        redis.close();
    }

    private static long ttlSeconds(@Nullable Instant end, Instant now) {
        if (end == null) {
            return 0;
        }
        return Math.max(MIN_TTL_SECONDS, Duration.between(now, end.plus(GRACE)).toSeconds());
    }
}
