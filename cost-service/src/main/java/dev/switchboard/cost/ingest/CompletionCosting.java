package dev.switchboard.cost.ingest;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEvent.AttemptRecord;
import dev.switchboard.cost.pricing.QuotedPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Prices a completion event (pure; the prices come in through {@link Prices}).
 *
 * <p>A request costs its served attempt's usage at the served (provider, model)'s price, plus every other attempt
 * that reported usage (race losers cancelled after output started, attempts that failed mid-stream) at its own
 * (provider, model)'s price, because providers bill those tokens too. An attempt that reported no usage is charged
 * nothing. The served attempt is the last attempt with the result's provider and model, preferring one that
 * succeeded; its usage is the result's usage, so it is never counted twice. When a served answer reported no usage,
 * or any billed part has no price, the total is unknown ({@code null}), not a partial sum.
 */
final class CompletionCosting {

    static final int SCALE = 9;

    /** Looks up the price of a (provider, model) as the event names them; {@code kind} is the provider's kind, if sent. */
    @FunctionalInterface
    interface Prices {
        Optional<QuotedPrice> find(String provider, @Nullable String kind, String model);
    }

    private CompletionCosting() {
    }

    static Charge charge(CompletionEvent event, Prices prices) {
        CompletionEvent.Result result = event.result();
        List<AttemptRecord> attempts = event.attempts();
        int served = servedIndex(result, attempts);
        TokenUsage servedUsage = result.usage() != null ? result.usage()
                : served >= 0 ? attempts.get(served).usage() : null;

        List<String> unpriced = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        Part servedPart = servedPart(result, servedUsage, prices, unpriced);
        if (servedPart.cost() != null) {
            total = total.add(servedPart.cost());
        }
        List<Charge.AttemptCharge> charges = new ArrayList<>(attempts.size());
        for (int i = 0; i < attempts.size(); i++) {
            AttemptRecord attempt = attempts.get(i);
            if (i == served) {
                charges.add(new Charge.AttemptCharge(attempt, true, rounded(servedPart.cost()), servedPart.source()));
                continue;
            }
            Part part = attempt.usage() == null ? Part.NOTHING
                    : priced(attempt.provider(), attempt.providerKind(), attempt.model(), attempt.usage(), prices,
                            unpriced);
            if (part.cost() != null) {
                total = total.add(part.cost());
            }
            charges.add(new Charge.AttemptCharge(attempt, false, rounded(part.cost()), part.source()));
        }
        return new Charge(unpriced.isEmpty() ? rounded(total) : null, servedUsage, charges, unpriced);
    }

    private static Part servedPart(CompletionEvent.Result result, @Nullable TokenUsage usage, Prices prices,
                                   List<String> unpriced) {
        String provider = result.provider();
        if (provider == null) {
            return Part.NOTHING;
        }
        String model = result.providerModel();
        if (model == null) {
            unpriced.add(provider + "/(no model)");
            return Part.UNKNOWN;
        }
        if (usage == null) {
            if (result.status() >= 400) {
                return Part.NOTHING;
            }
            unpriced.add(provider + "/" + model + " (no usage reported)");
            return Part.UNKNOWN;
        }
        return priced(provider, result.providerKind(), model, usage, prices, unpriced);
    }

    private static Part priced(String provider, @Nullable String kind, String model, TokenUsage usage, Prices prices,
                               List<String> unpriced) {
        Optional<QuotedPrice> quoted = prices.find(provider, kind, model);
        if (quoted.isEmpty()) {
            unpriced.add(provider + "/" + model);
            return Part.UNKNOWN;
        }
        return new Part(quoted.get().price().cost(usage), quoted.get().source());
    }

    /** The last attempt with the result's provider and model, preferring a succeeded one; -1 when none matches. */
    static int servedIndex(CompletionEvent.Result result, List<AttemptRecord> attempts) {
        if (result.provider() == null) {
            return -1;
        }
        int fallback = -1;
        for (int i = attempts.size() - 1; i >= 0; i--) {
            AttemptRecord a = attempts.get(i);
            if (!a.provider().equals(result.provider()) || !a.model().equals(result.providerModel())) {
                continue;
            }
            if (a.outcome().equals("SUCCEEDED")) {
                return i;
            }
            if (fallback < 0) {
                fallback = i;
            }
        }
        return fallback;
    }

    static @Nullable BigDecimal rounded(@Nullable BigDecimal usd) {
        return usd == null ? null : usd.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /**
     * A part of the bill: its exact cost and the price's source. {@code null} cost: nothing billed ({@link #NOTHING})
     * or unknown ({@link #UNKNOWN}, which is also listed in {@code unpriced}).
     */
    private record Part(@Nullable BigDecimal cost, @Nullable String source) {
        static final Part NOTHING = new Part(null, null);
        static final Part UNKNOWN = new Part(null, null);
    }
}
