package dev.switchboard.cost.ingest;

import static dev.switchboard.cost.TestEvents.completion;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.catalog.Price;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEvent.AttemptRecord;
import dev.switchboard.cost.pricing.QuotedPrice;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CompletionCostingTest {

    /** acme/m1: $1.25 in, $10 out, $0.125 cache read, $1.5625 cache write per million; fast/f1: $1 in, $2 out. */
    private static final Map<String, Price> PRICES = Map.of(
            "acme/m1", new Price(new BigDecimal("1.25"), new BigDecimal("10"), new BigDecimal("0.125"),
                    new BigDecimal("1.5625")),
            "fast/f1", Price.of(BigDecimal.ONE, new BigDecimal("2")));

    private static Optional<QuotedPrice> price(String provider, String kind, String model) {
        return Optional.ofNullable(PRICES.get(provider + "/" + model))
                .map(p -> new QuotedPrice(p, QuotedPrice.CATALOG, provider, model));
    }

    @Test
    void pricesEachInputTokenOnceAndReasoningAsPartOfOutput() {
        // 400 plain input, 1200 cache reads, 400 cache writes; 700 output of which 300 reasoning
        var usage = new TokenUsage(2000, 700, 1200, 400, 300);
        Charge charge = CompletionCosting.charge(completion("r1").servedBy("acme", "m1", usage).build(),
                CompletionCostingTest::price);

        // 400*1.25 + 1200*0.125 + 400*1.5625 + 700*10 = 8275 per million
        assertThat(charge.totalUsd()).isEqualByComparingTo("0.008275");
        assertThat(charge.unpriced()).isEmpty();
        assertThat(charge.attempts()).singleElement().satisfies(a -> {
            assertThat(a.served()).isTrue();
            assertThat(a.costUsd()).isEqualByComparingTo("0.008275");
        });
    }

    @Test
    void addsRaceLosersThatReportedUsageAndChargesNothingForAttemptsWithout() {
        var event = completion("r2")
                .attemptBefore("acme", "m1", "FAILED", null, 30)
                .attemptBefore("fast", "f1", "CANCELLED", TokenUsage.of(1000, 50), 400)
                .servedBy("acme", "m1", TokenUsage.of(1000, 100))
                .build();

        Charge charge = CompletionCosting.charge(event, CompletionCostingTest::price);

        // served: 1000*1.25 + 100*10 = 2250; loser: 1000*1 + 50*2 = 1100
        assertThat(charge.totalUsd()).isEqualByComparingTo("0.00335");
        assertThat(charge.attempts()).extracting(Charge.AttemptCharge::costUsd)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(null, new BigDecimal("0.0011"), new BigDecimal("0.00225"));
        assertThat(charge.attempts()).extracting(Charge.AttemptCharge::served).containsExactly(false, false, true);
    }

    @Test
    void aServedAttemptThatFailedMidStreamIsNotChargedTwice() {
        var usage = TokenUsage.of(1000, 100);
        var event = completion("r3").servedBy("acme", "m1", usage).build();
        var failedServed = new CompletionEvent(event.requestId(), event.time(),
                event.caller(), event.tags(), event.request(), event.result(),
                List.of(new AttemptRecord("acme", "m1",
                        "FAILED", 0, "UPSTREAM_UNAVAILABLE",
                        new CompletionEvent.Timing(900, 100), usage)));

        assertThat(CompletionCosting.charge(failedServed, CompletionCostingTest::price).totalUsd())
                .isEqualByComparingTo("0.00225");
    }

    @Test
    void anUnknownPriceMakesTheWholeCostUnknownRatherThanAPartialSum() {
        var event = completion("r4")
                .attemptBefore("mystery", "x", "CANCELLED", TokenUsage.of(10, 10), 100)
                .servedBy("acme", "m1", TokenUsage.of(1000, 100))
                .build();

        Charge charge = CompletionCosting.charge(event, CompletionCostingTest::price);

        assertThat(charge.totalUsd()).isNull();
        assertThat(charge.unpriced()).containsExactly("mystery/x");
        assertThat(charge.attempts()).extracting(Charge.AttemptCharge::costUsd)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(null, new BigDecimal("0.00225"));
    }

    @Test
    void aFailedRequestWithoutUsageCostsNothingButAnAnswerWithoutUsageIsUnknown() {
        var failed = completion("r5").failed(503, "UPSTREAM_UNAVAILABLE")
                .attemptBefore("acme", "m1", "FAILED", null, 30).build();
        assertThat(CompletionCosting.charge(failed, CompletionCostingTest::price).totalUsd()).isZero();

        var noUsage = completion("r6").servedBy("acme", "m1", null).build();
        Charge charge = CompletionCosting.charge(noUsage, CompletionCostingTest::price);
        assertThat(charge.totalUsd()).isNull();
        assertThat(charge.unpriced()).containsExactly("acme/m1 (no usage reported)");
    }

    @Test
    void roundsHalfUpToTheNanoDollar() {
        Map<String, Price> tiny = Map.of("acme/m1", Price.of(new BigDecimal("0.0375"), BigDecimal.ZERO));
        var event = completion("r7").servedBy("acme", "m1", TokenUsage.of(1, 0)).build();

        Charge charge = CompletionCosting.charge(event, (provider, kind, model) -> Optional.ofNullable(
                tiny.get(provider + "/" + model)).map(p -> new QuotedPrice(p, "catalog", provider, model)));

        // 1 token at bash.0375 per million = 0.0000000375 USD exactly, half up to 9 places
        assertThat(charge.totalUsd()).isEqualTo(new BigDecimal("0.000000038"));
    }
}
