package dev.switchboard.router.budget;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.config.Budget;
import dev.switchboard.router.events.Completion;
import dev.switchboard.router.policy.Caller;
import dev.switchboard.router.routing.Deployment;
import dev.switchboard.router.routing.Plan;
import dev.switchboard.router.routing.Routing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Enforces budgets around one routed request: before any upstream call it reserves the worst-case cost in every
 * budget of the caller (refusing with {@link BudgetExceededException} when it does not fit), and once the request
 * has ended (success, failure or cancel) settles the cost its completion event carries (0 when nothing was used).
 *
 * <p>A streamed answer whose upstream ignores the output cap is cut off with an error event once it would spend more
 * than its reservation ({@link OutputAllowance}).
 *
 * <p>The worst case is priced on the most expensive deployment of the plan that has a catalog price, since fallback
 * may land there: estimated input tokens at its input price plus the output cap (the request's max tokens, else the
 * model's catalog maximum, else {@value #DEFAULT_MAX_OUTPUT}) at its output price, rounded up to a micro-dollar. A plan
 * without any price reserves nothing. A caller without budgets costs one map lookup.
 */
public final class BudgetGuard {

    static final long DEFAULT_MAX_OUTPUT = 4096;
    private static final Logger log = LoggerFactory.getLogger(BudgetGuard.class);

    private final BudgetSource budgets;
    private final BudgetLedger ledger;
    private final Clock clock;

    public BudgetGuard(BudgetSource budgets, BudgetLedger ledger, Clock clock) {
        this.budgets = requireNonNull(budgets, "budgets");
        this.ledger = requireNonNull(ledger, "ledger");
        this.clock = requireNonNull(clock, "clock");
    }

    /** Runs {@code call} once a chat request's worst case is reserved. */
    public <T> Mono<T> chat(Caller caller, Routing.Call routed, Completion completion, Supplier<Mono<T>> call) {
        List<BudgetKey> applicable = budgets.budgetsFor(caller);
        if (applicable.isEmpty()) {
            return call.get();
        }
        long requested = routed.context().needs().outputTokens();
        long input = routed.context().estimatedInputTokens();
        long worst = worstCaseMicros(routed.plan(), input, info -> requested > 0
                ? requested : info.knowsMaxOutputTokens() ? info.maxOutputTokens() : DEFAULT_MAX_OUTPUT);
        if (worst >= 0) {
            completion.watch(OutputAllowance.of(routed.plan(), input, worst, applicable.getFirst().describe()));
        }
        return reserved(applicable, worst, routed, completion, call);
    }

    /** Runs {@code call} once an embeddings request's worst case ({@code inputTokens}, no output) is reserved. */
    public <T> Mono<T> embeddings(Caller caller, Routing.Call routed, long inputTokens, Completion completion,
                                  Supplier<Mono<T>> call) {
        List<BudgetKey> applicable = budgets.budgetsFor(caller);
        if (applicable.isEmpty()) {
            return call.get();
        }
        return reserved(applicable, worstCaseMicros(routed.plan(), inputTokens, info -> 0), routed, completion, call);
    }

    /**
     * The highest cost, in micro-dollars rounded up, of {@code inputTokens} plus each priced deployment's output cap;
     * -1 when no deployment of the plan has a price.
     */
    static long worstCaseMicros(Plan plan, long inputTokens, ToLongFunction<ModelInfo> outputTokens) {
        BigDecimal worst = null;
        for (Deployment deployment : plan.order()) {
            ModelInfo info = deployment.info();
            if (info == null) {
                continue;
            }
            BigDecimal cost = info.price().expectedCost(inputTokens, outputTokens.applyAsLong(info));
            if (worst == null || cost.compareTo(worst) > 0) {
                worst = cost;
            }
        }
        return worst == null ? -1 : micros(worst, RoundingMode.CEILING);
    }

    static long micros(@Nullable BigDecimal usd, RoundingMode rounding) {
        return usd == null ? 0 : usd.movePointRight(Budget.MICROS_SCALE).setScale(0, rounding).longValueExact();
    }

    private <T> Mono<T> reserved(List<BudgetKey> applicable, long worst, Routing.Call routed, Completion completion,
                                 Supplier<Mono<T>> call) {
        if (worst < 0) {
            log.debug("no catalog price for any deployment of route '{}'; nothing reserved against {}",
                    routed.plan().route().name(), applicable.getFirst().describe());
            return call.get();
        }
        if (!ledger.blocking()) {
            reserve(applicable, worst, completion);
            return call.get();
        }
        return Mono.fromRunnable(() -> reserve(applicable, worst, completion))
                .subscribeOn(Schedulers.boundedElastic())
                .then(Mono.defer(call));
    }

    /** The settle is registered before returning, so a caller that left meanwhile still releases it. */
    private void reserve(List<BudgetKey> applicable, long worst, Completion completion) {
        Reservation reservation = ledger.reserve(applicable, worst, clock.instant());
        completion.onCost(cost -> settle(reservation, cost));
    }

    private void settle(Reservation reservation, @Nullable BigDecimal cost) {
        try {
            ledger.settle(reservation, micros(cost, RoundingMode.HALF_UP));
        } catch (RuntimeException e) {
            log.error("could not settle a budget reservation of {} micro-dollars", reservation.micros(), e);
        }
    }
}
