package dev.switchboard.router.events;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEventJson;
import dev.switchboard.router.routing.Attempt;
import dev.switchboard.router.routing.Deployment;
import dev.switchboard.router.routing.Routing;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Builds the {@link CompletionEvent} of an ended {@link Completion}, after the response, never on the request path.
 * A request that was never routed (unknown or forbidden model) reports the model as written as its route and
 * {@value #NOT_ROUTED} as its strategy. Bodies, when kept, are cut further if the event's JSON would exceed
 * {@value #MAX_EVENT_BYTES} bytes.
 */
final class CompletionResults {

    static final String NOT_ROUTED = "none";
    /** Under Kafka's default {@code max.request.size} and {@code message.max.bytes} (1 MiB), with room to spare. */
    static final int MAX_EVENT_BYTES = 900 * 1024;
    /** Bodies cut to this stay under {@link #MAX_EVENT_BYTES} even when every byte is escaped (6 bytes each). */
    static final int SMALL_BODY_BYTES = 32 * 1024;

    private CompletionResults() {
    }

    static CompletionEvent event(Completion c) {
        Routing.Call call = c.call;
        ResolvedModel served = c.served;
        TokenUsage usage = c.usage;
        FinishReason finish = c.finish;
        long firstToken = c.hadOutput() ? millis(c.firstOutputNanos - c.startNanos) : -1;
        var timing = new CompletionEvent.Timing(millis(c.endNanos - c.startNanos), firstToken);
        var result = new CompletionEvent.Result(route(c, call), strategy(call),
                served == null ? null : served.provider(), served == null ? null : served.model(), c.status,
                c.errorCategory, finish == null ? null : finish.name(), usage, totalCost(call, served, usage), timing,
                null, served == null ? null : kind(call, served.provider()));
        List<CompletionEvent.AttemptRecord> attempts = call == null ? List.of()
                : call.attempts().all().stream().map(a -> record(a, kind(call, a.provider()))).toList();
        var event = new CompletionEvent(c.requestId, c.endTime, c.caller, c.tags, c.request, result, attempts,
                c.bodies(CompletionEvent.Bodies.MAX_BYTES));
        if (event.bodies() == null || CompletionEventJson.write(event).length <= MAX_EVENT_BYTES) {
            return event;
        }
        // JSON escaping can make bodies of 256 KiB each far larger on the wire: keep the event under Kafka's default
        // 1 MiB message limit (a refused event would be spooled and retried forever) by cutting the bodies harder
        return new CompletionEvent(c.requestId, c.endTime, c.caller, c.tags, c.request, result, attempts,
                c.bodies(SMALL_BODY_BYTES));
    }

    private static String route(Completion c, Routing.@Nullable Call call) {
        if (call == null) {
            return c.request.model();
        }
        return Objects.requireNonNullElse(call.attempts().servedRoute(), call.plan().route().name());
    }

    private static String strategy(Routing.@Nullable Call call) {
        return call == null ? NOT_ROUTED : call.plan().route().policy().strategy().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The served attempt's cost plus that of every other attempt that reported usage (a race's loser, a call that
     * failed mid-stream before a fallback): the provider bills them too. {@code null} when any part has no price, as
     * the cost service does, rather than a partial sum. The served attempt is the last one of the serving provider.
     */
    static @Nullable BigDecimal totalCost(Routing.@Nullable Call call, @Nullable ResolvedModel served,
                                          @Nullable TokenUsage usage) {
        BigDecimal total = cost(call, served, usage);
        if (total == null || call == null || served == null) {
            return total;
        }
        List<Attempt> all = call.attempts().all();
        boolean servedSeen = false;
        for (int i = all.size() - 1; i >= 0; i--) {
            Attempt a = all.get(i);
            if (!servedSeen && a.provider().equals(served.provider()) && a.outcome() != Attempt.Outcome.CANCELLED) {
                servedSeen = true;
                continue;
            }
            if (a.usage() != null) {
                BigDecimal extra = cost(call, new ResolvedModel(a.provider(), a.model()), a.usage());
                if (extra == null) {
                    return null;
                }
                total = total.add(extra);
            }
        }
        return total;
    }

    /**
     * The served deployment's catalog price for the usage: the plan entry of the serving provider (the one with the
     * served model id first), its catalog facts, else the built-in catalog under the id the provider reported.
     */
    static @Nullable BigDecimal cost(Routing.@Nullable Call call, @Nullable ResolvedModel served,
                                     @Nullable TokenUsage usage) {
        if (call == null || served == null || usage == null) {
            return null;
        }
        Deployment match = null;
        for (Deployment d : call.plan().order()) {
            if (d.target().provider().equals(served.provider())
                    && (match == null || d.target().model().equals(served.model()))) {
                match = d;
            }
        }
        if (match == null) {
            return null;
        }
        ModelInfo info = match.info() != null ? match.info()
                : ModelCatalog.builtIn().find(match.adapter().kind(), served.model()).orElse(null);
        try {
            return info == null ? null : info.price().cost(usage);
        } catch (IllegalArgumentException inconsistentUsage) {
            return null;
        }
    }

    private static CompletionEvent.AttemptRecord record(Attempt a, @Nullable String kind) {
        return new CompletionEvent.AttemptRecord(a.provider(), a.model(), a.outcome().name(), a.upstreamStatus(),
                a.category() == null ? null : a.category().name(),
                new CompletionEvent.Timing(a.latencyMillis(), a.firstTokenMillis()), a.usage(), kind);
    }

    /** The adapter kind of the plan's deployment of that configured provider. */
    private static @Nullable String kind(Routing.@Nullable Call call, String provider) {
        if (call == null) {
            return null;
        }
        for (Deployment d : call.plan().order()) {
            if (d.target().provider().equals(provider)) {
                return d.adapter().kind();
            }
        }
        return null;
    }

    private static long millis(long nanos) {
        return Math.max(0, nanos / 1_000_000);
    }
}
