package dev.switchboard.router.admission;

import dev.switchboard.router.budget.BudgetGuard;
import dev.switchboard.router.events.Completion;
import dev.switchboard.router.policy.Caller;
import dev.switchboard.router.ratelimit.RateLimitGuard;
import dev.switchboard.router.routing.Routing;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * Admits a routed request: the caller's rate limits take a request and the estimated tokens (429 with
 * {@code retry-after} when full), then its budgets reserve the worst-case cost (402 when it does not fit). Both are
 * corrected from the completion event after the request ends. Routing has already answered 404/403, so refused
 * models never use up a limit.
 */
public final class Admission {

    private final RateLimitGuard rateLimits;
    private final BudgetGuard budgets;

    public Admission(RateLimitGuard rateLimits, BudgetGuard budgets) {
        this.rateLimits = rateLimits;
        this.budgets = budgets;
    }

    /** A chat request: estimated input tokens plus the requested output cap count against token limits. */
    public <T> Mono<T> chat(Caller caller, Routing.Call routed, Completion completion, Supplier<Mono<T>> call) {
        long tokens = routed.context().estimatedInputTokens() + routed.context().needs().outputTokens();
        return rateLimits.around(caller, tokens, completion, () -> budgets.chat(caller, routed, completion, call));
    }

    public <T> Mono<T> embeddings(Caller caller, Routing.Call routed, long inputTokens, Completion completion,
                                  Supplier<Mono<T>> call) {
        return rateLimits.around(caller, inputTokens, completion,
                () -> budgets.embeddings(caller, routed, inputTokens, completion, call));
    }
}
