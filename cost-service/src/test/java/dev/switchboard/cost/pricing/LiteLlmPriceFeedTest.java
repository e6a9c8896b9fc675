package dev.switchboard.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.catalog.ModelInfo;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiteLlmPriceFeedTest {

    private final PriceFeed feed = PriceFeeds.parse(Fixtures.bytes("litellm-prices.json"), PriceFeedFormat.LITELLM,
            "litellm-prices.json");

    @Test
    void convertsPerTokenPricesToExactPricesPerMillion() {
        ModelInfo gpt4o = model("openai", "gpt-4o");
        assertThat(gpt4o.price().input()).isEqualTo(new BigDecimal("2.5"));
        assertThat(gpt4o.price().output()).isEqualTo(new BigDecimal("10"));
        assertThat(gpt4o.price().cachedInput()).isEqualTo(new BigDecimal("1.25"));
        assertThat(gpt4o.price().cacheWrite()).isNull();
        assertThat(model("openai", "gpt-5").price().cachedInput()).isEqualTo(new BigDecimal("0.125"));
        assertThat(model("deepinfra", "meta-llama/Llama-3.3-70B-Instruct-Turbo").price().output())
                .isEqualTo(new BigDecimal("0.32"));
    }

    @Test
    void readsCacheWritesLimitsAndCapabilities() {
        ModelInfo sonnet = model("anthropic", "claude-sonnet-4-5");
        assertThat(sonnet.price().cachedInput()).isEqualTo(new BigDecimal("0.3"));
        assertThat(sonnet.price().cacheWrite()).isEqualTo(new BigDecimal("3.75"));
        assertThat(sonnet.contextWindow()).isEqualTo(200_000);
        assertThat(sonnet.maxOutputTokens()).isEqualTo(64_000);
        assertThat(sonnet.tools()).isTrue();
        assertThat(sonnet.jsonSchema()).isFalse();
        assertThat(model("openai", "gpt-4o").jsonSchema()).isTrue();
    }

    @Test
    void dropsTheProviderPrefixOfTheKeyAndKeepsTheRestOfTheId() {
        assertThat(model("gemini", "gemini-2.5-flash").price().input()).isEqualTo(new BigDecimal("0.3"));
        assertThat(model("groq", "openai/gpt-oss-120b").price().input()).isEqualTo(new BigDecimal("0.15"));
    }

    @Test
    void readsEmbeddingAndResponsesEntriesButNotImageModelsResellersOrTheSampleSpec() {
        ModelInfo embedding = model("openai", "text-embedding-3-small");
        assertThat(embedding.price().input()).isEqualTo(new BigDecimal("0.02"));
        assertThat(embedding.price().output()).isEqualTo(BigDecimal.ZERO);
        assertThat(embedding.knowsMaxOutputTokens()).isFalse();
        assertThat(model("openai", "o3-pro").price().output()).isEqualTo(new BigDecimal("80"));

        assertThat(feed.models()).extracting(ModelInfo::provider)
                .doesNotContain("azure", "vertex_ai-language-models", "one of https://docs.litellm.ai/docs/providers");
        assertThat(feed.models()).extracting(ModelInfo::model).doesNotContain("dall-e-3", "sample_spec");
        assertThat(feed.ignored()).isEqualTo(5); // sample_spec, dall-e-3, azure, vertex_ai, fallback_generalizations
    }

    @Test
    void skipsAndCountsEntriesWithABadOrMissingPrice() {
        assertThat(feed.models()).hasSize(8);
        assertThat(feed.skipped()).isEqualTo(3); // xai "a lot", mistral without prices, a string entry
        assertThat(feed.models()).extracting(ModelInfo::provider).doesNotContain("xai", "mistral", "cerebras");
    }

    @Test
    void isDetectedAsLiteLlmWithoutAFormat() {
        PriceFeed detected = PriceFeeds.parse(Fixtures.bytes("litellm-prices.json"), PriceFeedFormat.AUTO, "x");
        assertThat(detected.format()).isEqualTo(PriceFeedFormat.LITELLM);
        assertThat(detected.models()).isEqualTo(feed.models());
    }

    @Test
    void refusesADocumentThatIsNotJsonOrNotAnObjectNamingTheSource() {
        assertThatThrownBy(() -> PriceFeeds.parse(bytes("<html>rate limited</html>"), PriceFeedFormat.LITELLM,
                "https://example.test/prices.json"))
                .isInstanceOf(PriceFeedException.class)
                .hasMessageStartingWith("https://example.test/prices.json is not JSON");
        assertThatThrownBy(() -> PriceFeeds.parse(bytes("[1, 2]"), PriceFeedFormat.LITELLM, "prices.json"))
                .isInstanceOf(PriceFeedException.class)
                .hasMessage("prices.json is a JSON ARRAY (expected LiteLLM's object keyed by model id)");
        assertThatThrownBy(() -> PriceFeeds.parse(bytes(""), PriceFeedFormat.AUTO, "empty.json"))
                .isInstanceOf(PriceFeedException.class)
                .hasMessageContaining("empty.json");
    }

    @Test
    void keepsLongDecimalsExactWithoutPassingThroughDouble() {
        String json = """
                {"gpt-x": {"litellm_provider": "openai", "mode": "chat", "max_input_tokens": 1000,
                           "input_cost_per_token": 1.234567890123456789e-06, "output_cost_per_token": 1e-05}}""";
        PriceFeed parsed = PriceFeeds.parse(bytes(json), PriceFeedFormat.LITELLM, "inline");
        assertThat(parsed.models().getFirst().price().input()).isEqualTo(new BigDecimal("1.234567890123456789"));
    }

    private ModelInfo model(String provider, String model) {
        return feed.models().stream()
                .filter(info -> info.provider().equals(provider) && info.model().equals(model))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + provider + "/" + model + " in " + feed.models()));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
