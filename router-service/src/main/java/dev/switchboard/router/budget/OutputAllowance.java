package dev.switchboard.router.budget;

import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.router.routing.Deployment;
import dev.switchboard.router.routing.Plan;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How much output a streamed answer may produce before it spends more than its reservation: per priced deployment
 * of the plan, the output tokens the reserved micro-dollars pay for after the estimated input. An upstream that
 * ignores the output cap is cut off, with an error event, once its output (about four characters a token, or the
 * usage it reports) passes that; deployments without a price are not limited. Not thread-safe: one stream's events
 * arrive in order.
 */
final class OutputAllowance implements Consumer<ChatEvent> {

    private final Map<String, Long> tokensByDeployment;
    private final String budget;
    private long allowed = Long.MAX_VALUE;
    private long chars;

    private OutputAllowance(Map<String, Long> tokensByDeployment, String budget) {
        this.tokensByDeployment = tokensByDeployment;
        this.budget = budget;
    }

    static OutputAllowance of(Plan plan, long inputTokens, long reservedMicros, String budget) {
        Map<String, Long> tokens = new HashMap<>();
        BigDecimal reserved = BigDecimal.valueOf(reservedMicros).movePointLeft(6);
        for (Deployment d : plan.order()) {
            ModelInfo info = d.info();
            if (info == null || info.price().output().signum() == 0) {
                continue;
            }
            BigDecimal left = reserved.subtract(info.price().expectedCost(inputTokens, 0));
            long fits = left.signum() <= 0 ? 0 : left.movePointRight(6)
                    .divide(info.price().output(), 0, RoundingMode.FLOOR).longValueExact();
            tokens.put(d.target().provider() + "/" + d.target().model(), fits);
        }
        return new OutputAllowance(Map.copyOf(tokens), budget);
    }

    @Override
    public void accept(ChatEvent event) {
        switch (event) {
            case ChatEvent.Started s -> allowed = tokensByDeployment.getOrDefault(
                    s.model().provider() + "/" + s.model().model(), Long.MAX_VALUE);
            case ChatEvent.TextDelta t -> count(t.text().length());
            case ChatEvent.ReasoningDelta r -> count(r.text().length());
            case ChatEvent.ToolCallArgumentsDelta a -> count(a.jsonFragment().length());
            case ChatEvent.UsageReported u -> check(u.usage().output());
            default -> { }
        }
    }

    private void count(int length) {
        chars += length;
        check((chars + 3) / 4);
    }

    private void check(long outputTokens) {
        if (outputTokens > allowed) {
            throw new GatewayException(ErrorCategory.BUDGET_EXCEEDED, "the answer was cut off after about "
                    + allowed + " output tokens: more would exceed " + budget + " (the upstream did not stop at the"
                    + " requested maximum)");
        }
    }
}
