package dev.switchboard.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ModelCatalogLookupTest {

    private static final ModelCatalog CATALOG = ModelCatalog.parse("""
            provider,model,input_per_mtok,output_per_mtok,cached_input_per_mtok,cache_write_per_mtok,context_window,max_output_tokens,tools,vision,json_schema
            openai,gpt-4o,2.5,10,1.25,,128000,16384,true,true,true
            openai,gpt-4o-mini,0.15,0.6,0.075,,128000,16384,true,true,true
            openai,gpt-5.5,5,30,0.5,,1050000,128000,true,true,true
            openai,gpt-5.5-pro,30,180,,,1050000,128000,true,true,false
            anthropic,claude-sonnet-4-5,3,15,0.3,3.75,200000,64000,true,true,true
            gemini,gemini-2.5-flash,0.3,2.5,0.03,,1048576,65535,true,true,true
            groq,openai/gpt-oss-120b,0.15,0.6,0.075,,131072,65536,true,false,true
            openrouter,openai/gpt-oss-120b,0.037,0.17,,,131072,131072,true,false,true
            openrouter,openai/gpt-5.5,5,30,0.5,,1050000,128000,true,true,true
            mistral,mistral-small-2603,0.15,0.6,,,256000,,true,true,false
            """, "lookup-test.csv");

    private static String found(String provider, String model) {
        Optional<ModelInfo> info = CATALOG.find(provider, model);
        return info.map(i -> i.provider() + ":" + i.model()).orElse("none");
    }

    @Test
    void findsTheExactProviderAndModel() {
        assertThat(found("openai", "gpt-4o")).isEqualTo("openai:gpt-4o");
        assertThat(found("groq", "openai/gpt-oss-120b")).isEqualTo("groq:openai/gpt-oss-120b");
    }

    @Test
    void doesNotFindAModelUnderAnotherProvider() {
        assertThat(found("anthropic", "gpt-4o")).isEqualTo("none");
        assertThat(found("nobody", "gpt-4o")).isEqualTo("none");
    }

    @Test
    void readsGeminiOpenAiAsGemini() {
        assertThat(found("gemini-openai", "gemini-2.5-flash")).isEqualTo("gemini:gemini-2.5-flash");
    }

    @Test
    void stripsTheGeminiModelsPrefix() {
        assertThat(found("gemini", "models/gemini-2.5-flash")).isEqualTo("gemini:gemini-2.5-flash");
        assertThat(found("gemini-openai", "models/gemini-2.5-flash")).isEqualTo("gemini:gemini-2.5-flash");
    }

    @Test
    void openAiCompatibleMatchesTheFirstProviderWithThatExactModelId() {
        assertThat(found("openai-compatible", "claude-sonnet-4-5")).isEqualTo("anthropic:claude-sonnet-4-5");
        assertThat(found("openai-compatible", "openai/gpt-oss-120b")).isEqualTo("groq:openai/gpt-oss-120b");
    }

    @Test
    void openAiCompatibleDoesNotMatchByPrefix() {
        assertThat(found("openai-compatible", "gpt-4o-2024-08-06")).isEqualTo("none");
    }

    @Test
    void openRouterPrefersItsOwnEntry() {
        assertThat(found("openrouter", "openai/gpt-oss-120b")).isEqualTo("openrouter:openai/gpt-oss-120b");
    }

    @Test
    void openRouterFallsBackToTheVendorsOwnEntry() {
        assertThat(found("openrouter", "anthropic/claude-sonnet-4-5")).isEqualTo("anthropic:claude-sonnet-4-5");
        assertThat(found("openrouter", "openai/gpt-4o-mini")).isEqualTo("openai:gpt-4o-mini");
    }

    @Test
    void openRouterVendorSlugsThatDifferFromOurKindsAreTranslated() {
        assertThat(found("openrouter", "google/gemini-2.5-flash")).isEqualTo("gemini:gemini-2.5-flash");
        assertThat(found("openrouter", "mistralai/mistral-small-2603")).isEqualTo("mistral:mistral-small-2603");
    }

    @Test
    void anExactVendorMatchBeatsAPrefixMatchAtOpenRouter() {
        assertThat(found("openrouter", "openai/gpt-5.5-pro")).isEqualTo("openai:gpt-5.5-pro");
    }

    @Test
    void openRouterUsesTheVendorPrefixWhenNothingMatchesExactly() {
        assertThat(found("openrouter", "openai/gpt-4o-mini-2024-07-18")).isEqualTo("openai:gpt-4o-mini");
    }

    @Test
    void vendorFallbackAppliesOnlyToOpenRouter() {
        assertThat(found("groq", "openai/gpt-4o")).isEqualTo("none");
    }

    @Test
    void aDatedIdFindsTheLongestCatalogIdThatPrefixesIt() {
        assertThat(found("openai", "gpt-4o-2024-08-06")).isEqualTo("openai:gpt-4o");
        assertThat(found("openai", "gpt-4o-mini-2024-07-18")).isEqualTo("openai:gpt-4o-mini");
        assertThat(found("anthropic", "claude-sonnet-4-5-20250929")).isEqualTo("anthropic:claude-sonnet-4-5");
        assertThat(found("gemini", "models/gemini-2.5-flash-preview-09-2025")).isEqualTo("gemini:gemini-2.5-flash");
    }

    @Test
    void aPrefixMustEndAtADash() {
        assertThat(found("openai", "gpt-4omni")).isEqualTo("none");
        assertThat(found("openai", "gpt-5.55")).isEqualTo("none");
    }

    @Test
    void overridesReplaceInPlaceAndAdd() {
        ModelInfo cheaper = new ModelInfo("openai", "gpt-4o", Price.of(BigDecimal.ONE, BigDecimal.TWO),
                128_000, 16_384, true, true, true);
        ModelInfo added = new ModelInfo("acme", "rocket-1", Price.of(BigDecimal.ONE, BigDecimal.ONE),
                8_192, 0, false, false, false);

        ModelCatalog overridden = CATALOG.withOverrides(List.of(cheaper, added));

        assertThat(overridden.find("openai", "gpt-4o")).contains(cheaper);
        assertThat(overridden.find("openai", "gpt-4o-2024-08-06")).contains(cheaper);
        assertThat(overridden.find("acme", "rocket-1")).contains(added);
        assertThat(overridden.all()).hasSize(CATALOG.all().size() + 1);
        assertThat(overridden.all().getFirst()).isEqualTo(cheaper);
        assertThat(overridden.all().getLast()).isEqualTo(added);
        assertThat(CATALOG.find("openai", "gpt-4o").orElseThrow().price().input()).isEqualByComparingTo("2.5");
        assertThat(CATALOG.find("acme", "rocket-1")).isEmpty();
    }

    @Test
    void allIsUnmodifiable() {
        assertThat(CATALOG.all()).isUnmodifiable();
    }
}
