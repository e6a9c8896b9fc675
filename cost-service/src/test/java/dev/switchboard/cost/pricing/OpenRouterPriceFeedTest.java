package dev.switchboard.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.catalog.ModelInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OpenRouterPriceFeedTest {

    private final PriceFeed feed = PriceFeeds.parse(Fixtures.bytes("openrouter-models.json"), PriceFeedFormat.AUTO,
            "openrouter-models.json");

    @Test
    void isDetectedByItsDataArrayAndListsEveryModelUnderOpenRouterWithItsIdAsIs() {
        assertThat(feed.format()).isEqualTo(PriceFeedFormat.OPENROUTER);
        assertThat(feed.models()).extracting(ModelInfo::provider).containsOnly("openrouter");
        assertThat(feed.models()).extracting(ModelInfo::model).containsExactly("openai/gpt-4o",
                "anthropic/claude-sonnet-4.5", "meta-llama/llama-4-scout", "qwen/qwen3-coder:free");
    }

    @Test
    void convertsDecimalStringsPerTokenToExactPricesPerMillion() {
        ModelInfo gpt4o = model("openai/gpt-4o");
        assertThat(gpt4o.price().input()).isEqualTo(new BigDecimal("2.5"));
        assertThat(gpt4o.price().output()).isEqualTo(new BigDecimal("10"));
        assertThat(gpt4o.price().cachedInput()).isEqualTo(new BigDecimal("1.25"));
        assertThat(gpt4o.price().cacheWrite()).isNull();
        ModelInfo sonnet = model("anthropic/claude-sonnet-4.5");
        assertThat(sonnet.price().cachedInput()).isEqualTo(new BigDecimal("0.3"));
        assertThat(sonnet.price().cacheWrite()).isEqualTo(new BigDecimal("3.75"));
        assertThat(model("meta-llama/llama-4-scout").price().input()).isEqualTo(new BigDecimal("0.08"));
        assertThat(model("qwen/qwen3-coder:free").price().output()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void readsLimitsAndCapabilities() {
        ModelInfo gpt4o = model("openai/gpt-4o");
        assertThat(gpt4o.contextWindow()).isEqualTo(128_000);
        assertThat(gpt4o.maxOutputTokens()).isEqualTo(16_384);
        assertThat(gpt4o.tools()).isTrue();
        assertThat(gpt4o.vision()).isTrue();
        assertThat(gpt4o.jsonSchema()).isTrue();
        ModelInfo scout = model("meta-llama/llama-4-scout");
        assertThat(scout.contextWindow()).isEqualTo(327_680); // top_provider's when context_length is null
        assertThat(scout.tools()).isFalse();
        assertThat(model("qwen/qwen3-coder:free").knowsMaxOutputTokens()).isFalse();
    }

    @Test
    void skipsAndCountsUnknownMinusOneAndMalformedPrices() {
        assertThat(feed.skipped()).isEqualTo(3); // openrouter/auto at -1, "four dollars", a string entry
        assertThat(feed.models()).extracting(ModelInfo::model)
                .doesNotContain("openrouter/auto", "mistralai/mistral-medium-3.1");
    }

    @Test
    void refusesADocumentWithoutADataArrayWhenTheFormatIsGiven() {
        assertThatThrownBy(() -> PriceFeeds.parse("{\"models\": []}".getBytes(StandardCharsets.UTF_8),
                PriceFeedFormat.OPENROUTER, "https://openrouter.example/api/v1/models"))
                .isInstanceOf(PriceFeedException.class)
                .hasMessageStartingWith("https://openrouter.example/api/v1/models has no top-level \"data\" array");
    }

    private ModelInfo model(String id) {
        return feed.models().stream().filter(info -> info.model().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id + " in " + feed.models()));
    }
}
