package dev.switchboard.router.budget;

import dev.switchboard.contracts.config.Budget;
import dev.switchboard.contracts.events.SpendUpdate;
import dev.switchboard.contracts.events.SpendUpdateJson;
import dev.switchboard.policyview.ChangeFeed;
import dev.switchboard.policyview.Governance;
import dev.switchboard.policyview.TopicFollower;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps budget counters true to what cost-service recorded: follows {@code spend-updates} (from its beginning, and
 * for a few seconds before the router serves, so a restarted router starts from the recorded spend, not from zero) and raises each budget window of the owner to the
 * recorded spend of that window. An update from an earlier window than the current one is ignored; owners without
 * budgets cost a map lookup.
 */
public final class SpendFollower implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SpendFollower.class);

    private final Governance governance;
    private final BudgetLedger ledger;
    private final Clock clock;
    private final @Nullable TopicFollower<SpendUpdate> topic;

    public SpendFollower(Governance governance, BudgetLedger ledger, Clock clock, @Nullable String bootstrapServers) {
        this.governance = governance;
        this.ledger = ledger;
        this.clock = clock;
        this.topic = bootstrapServers == null ? null
                : new TopicFollower<>(bootstrapServers, SpendUpdate.TOPIC, "spend-follower", SpendUpdateJson::read);
    }

    /**
     * Starts following and waits up to {@code catchUp} for the spend recorded so far, so a restarted router does not
     * serve budgeted requests on counters that start from zero; past that it serves and catches up in the background.
     */
    public void start(Duration catchUp) {
        if (topic != null) {
            topic.start(this::apply, new ChangeFeed.FeedHealth() {
                @Override
                public void contact() {
                }

                @Override
                public void problem(String message) {
                    log.debug("spend updates: {}", message);
                }
            });
            if (!topic.awaitCaughtUp(catchUp)) {
                log.info("serving before the recorded spend was read ({} ms); budgets catch up in the background",
                        catchUp.toMillis());
            }
        }
    }

    /** Raises the counters of every budget the updates' owners have in the current windows. */
    public void apply(List<SpendUpdate> updates) {
        Instant now = clock.instant();
        for (SpendUpdate update : updates) {
            for (Budget budget : budgets(update)) {
                if (!budget.period().start(update.asOf()).equals(budget.period().start(now))) {
                    continue;
                }
                var key = new BudgetKey(update.scope(), update.owner(), budget);
                try {
                    ledger.raiseSpent(key, now, BudgetGuard.micros(update.spent(budget.period()),
                            RoundingMode.HALF_UP));
                } catch (RuntimeException e) {
                    log.warn("could not raise {} to the recorded spend: {}", key.describe(), e.toString());
                }
            }
        }
    }

    private List<Budget> budgets(SpendUpdate update) {
        return switch (update.scope()) {
            case BudgetKey.KEY -> governance.key(update.owner()).map(k -> k.budgets()).orElse(List.of());
            case BudgetKey.TEAM -> governance.team(update.owner()).map(t -> t.budgets()).orElse(List.of());
            default -> List.of();
        };
    }

    @Override
    public void close() {
        if (topic != null) {
            topic.close();
        }
    }
}
