package dev.switchboard.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.chat.TokenUsage;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceTest {

    private static BigDecimal usd(String amount) {
        return new BigDecimal(amount);
    }

    private static final Price CACHED = new Price(usd("3"), usd("15"), usd("0.3"), usd("3.75"));

    @Test
    void oneTokenAtSevenAndAHalfCentsPerMillionCostsExactlySevenAndAHalfNanoDollars() {
        Price price = Price.of(usd("0.075"), usd("0.3"));

        BigDecimal cost = price.cost(TokenUsage.of(1, 0));

        assertThat(cost).isEqualTo(usd("0.000000075"));
        assertThat(cost.toPlainString()).isEqualTo("0.000000075");
    }

    @Test
    void costIsExactForLargeCountsWithoutRounding() {
        Price price = Price.of(usd("0.019"), usd("0.03"));

        assertThat(price.cost(TokenUsage.of(123_456_789, 987_654_321)))
                .isEqualByComparingTo(usd("2.345678991").add(usd("29.62962963")));
    }

    @Test
    void cachedTokensArePricedAtTheCachedPriceAndNotAlsoAtTheInputPrice() {
        // 1,000,000 input of which 800,000 cached: 200,000 x $3 + 800,000 x $0.30 = $0.60 + $0.24
        TokenUsage usage = new TokenUsage(1_000_000, 0, 800_000, 0, 0);

        assertThat(CACHED.cost(usage)).isEqualByComparingTo("0.84");
    }

    @Test
    void cacheWritesArePricedAtTheWritePriceAndNotAlsoAtTheInputPrice() {
        // 1,000,000 input: 100,000 plain x $3, 300,000 read x $0.30, 600,000 written x $3.75
        TokenUsage usage = new TokenUsage(1_000_000, 0, 300_000, 600_000, 0);

        assertThat(CACHED.cost(usage)).isEqualByComparingTo(usd("0.3").add(usd("0.09")).add(usd("2.25")));
    }

    @Test
    void reasoningTokensAreBilledOnceAsPartOfOutput() {
        TokenUsage withReasoning = new TokenUsage(0, 1_000, 0, 0, 900);

        assertThat(CACHED.cost(withReasoning)).isEqualByComparingTo(CACHED.cost(TokenUsage.of(0, 1_000)));
        assertThat(CACHED.cost(withReasoning)).isEqualByComparingTo("0.015");
    }

    @Test
    void missingCachedAndWritePricesFallBackToTheInputPrice() {
        Price price = Price.of(usd("2"), usd("8"));
        TokenUsage usage = new TokenUsage(1_000, 0, 400, 100, 0);

        assertThat(price.cost(usage)).isEqualByComparingTo(price.cost(TokenUsage.of(1_000, 0)));
        assertThat(price.effectiveCachedInput()).isEqualTo(usd("2"));
        assertThat(price.effectiveCacheWrite()).isEqualTo(usd("2"));
    }

    @Test
    void costMicrosRoundsHalfUpToWholeMicroDollars() {
        Price price = Price.of(usd("0.5"), usd("1.5"));

        assertThat(price.costMicros(TokenUsage.of(1, 0))).isEqualTo(1);  // 0.5 micro-dollars
        assertThat(price.costMicros(TokenUsage.of(0, 1))).isEqualTo(2);  // 1.5 micro-dollars
        assertThat(price.costMicros(TokenUsage.of(0, 0))).isZero();
        assertThat(Price.of(usd("0.49"), usd("0")).costMicros(TokenUsage.of(1, 0))).isZero();
        assertThat(CACHED.costMicros(new TokenUsage(1_000_000, 0, 800_000, 0, 0))).isEqualTo(840_000);
    }

    @Test
    void costsComeBackInTheirShortestExactForm() {
        assertThat(CACHED.cost(new TokenUsage(1_000_000, 0, 300_000, 600_000, 0))).isEqualTo(usd("2.64"));
        assertThat(CACHED.cost(TokenUsage.of(0, 10_000_000))).isEqualTo(usd("150"));
        assertThat(CACHED.cost(TokenUsage.ZERO)).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void expectedCostPricesAllInputAsUncached() {
        assertThat(CACHED.expectedCost(2_000, 500)).isEqualByComparingTo("0.0135");
    }

    @Test
    void rejectsUsageWhoseCachedTokensExceedInput() {
        TokenUsage anthropicStyle = new TokenUsage(10, 0, 500, 0, 0);

        assertThatThrownBy(() -> CACHED.cost(anthropicStyle))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cachedInput 500")
                .hasMessageContaining("input 10");
    }

    @Test
    void rejectsNegativePrices() {
        assertThatThrownBy(() -> Price.of(usd("-1"), usd("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("input price -1 is negative (expected >= 0)");
    }
}
