package dev.switchboard.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BuiltInModelCatalogTest {

    private static final ModelCatalog BUILT_IN = ModelCatalog.builtIn();

    private static ModelInfo model(String provider, String model) {
        return BUILT_IN.find(provider, model).orElseThrow(() -> new AssertionError(provider + "/" + model));
    }

    @Test
    void loadsAtLeastEightyModels() {
        assertThat(BUILT_IN.all()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(ModelCatalog.builtIn()).isSameAs(BUILT_IN);
    }

    @Test
    void everyEntryHasAPositiveContextWindowAndOutputWithinIt() {
        assertThat(BUILT_IN.all()).allSatisfy(info -> {
            assertThat(info.contextWindow()).as(info.model()).isPositive();
            assertThat(info.maxOutputTokens()).as(info.model()).isBetween(0L, info.contextWindow());
        });
    }

    @Test
    void usesOnlySwitchboardProviderKinds() {
        Set<String> kinds = BUILT_IN.all().stream().map(ModelInfo::provider).collect(Collectors.toSet());

        assertThat(kinds).isSubsetOf(List.of("openai", "anthropic", "gemini", "groq", "cerebras", "deepinfra",
                "mistral", "xai", "openrouter"));
    }

    @Test
    void openAiPricesMatchTheFacts() {
        ModelInfo info = model("openai", "gpt-4.1-mini");

        assertThat(info.price()).isEqualTo(new Price(new BigDecimal("0.4"), new BigDecimal("1.6"),
                new BigDecimal("0.1"), null));
        assertThat(info.contextWindow()).isEqualTo(1_047_576);
        assertThat(info.maxOutputTokens()).isEqualTo(32_768);
        assertThat(model("openai", "gpt-5.4-mini").price().cachedInput()).isEqualByComparingTo("0.075");
    }

    @Test
    void anthropicPricesMatchTheFacts() {
        ModelInfo info = model("anthropic", "claude-haiku-4-5-20251001");

        assertThat(info.model()).isEqualTo("claude-haiku-4-5");
        assertThat(info.price().input()).isEqualByComparingTo("1");
        assertThat(info.price().output()).isEqualByComparingTo("5");
        assertThat(info.price().cachedInput()).isEqualByComparingTo("0.1");
        assertThat(info.contextWindow()).isEqualTo(200_000);
    }

    @Test
    void geminiPricesMatchTheFacts() {
        ModelInfo info = model("gemini", "models/gemini-2.5-pro");

        assertThat(info.price().input()).isEqualByComparingTo("1.25");
        assertThat(info.price().output()).isEqualByComparingTo("10");
        assertThat(info.price().cachedInput()).isEqualByComparingTo("0.125");
        assertThat(info.contextWindow()).isEqualTo(1_048_576);
        assertThat(info.maxOutputTokens()).isEqualTo(65_535);
    }

    @Test
    void keepsSubCentPricesExact() {
        assertThat(model("openrouter", "deepseek/deepseek-v4-pro").price().cachedInput()).isEqualTo(
                new BigDecimal("0.003625"));
        assertThat(model("groq", "openai/gpt-oss-20b").price().expectedCost(1, 0)).isEqualTo(
                new BigDecimal("0.000000075"));
    }

    @Test
    void unknownCapabilitiesAreFalseAndUnknownOutputLimitsAreZero() {
        ModelInfo maverick = model("deepinfra", "meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8");
        assertThat(maverick.tools()).isFalse();
        assertThat(maverick.vision()).isTrue();
        assertThat(model("mistral", "mistral-large-2512").knowsMaxOutputTokens()).isFalse();
    }
}
