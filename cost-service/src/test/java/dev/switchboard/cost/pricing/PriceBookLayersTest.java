package dev.switchboard.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.catalog.Price;
import dev.switchboard.contracts.chat.TokenUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PriceBookLayersTest {

    /** gpt-4o-mini at other prices than the built-in catalog's 0.15/0.6/0.075, and a model it does not list. */
    private static final String FEED = """
            {"gpt-4o-mini": {"litellm_provider": "openai", "mode": "chat", "max_input_tokens": 128000,
                             "input_cost_per_token": 2e-07, "output_cost_per_token": 8e-07,
                             "cache_read_input_token_cost": 1.25e-07},
             "gpt-5": {"litellm_provider": "openai", "mode": "chat", "max_input_tokens": 272000,
                       "input_cost_per_token": 1.25e-06, "output_cost_per_token": 1e-05,
                       "cache_read_input_token_cost": 1.25e-07}}""";

    private final PriceOverrides overrides = mock(PriceOverrides.class);
    private final AtomicReference<ModelCatalog> refreshed = new AtomicReference<>(PriceFeed.EMPTY_CATALOG);
    private final PriceBook book = new PriceBook(overrides, refreshed::get, ModelCatalog.builtIn());

    @BeforeEach
    void noOverrides() {
        when(overrides.find(anyString(), anyString())).thenReturn(Optional.empty());
    }

    @Test
    void refreshedPricesBeatTheBuiltInCatalog() {
        assertThat(book.find("openai", "gpt-4o-mini")).get().satisfies(q -> {
            assertThat(q.source()).isEqualTo(QuotedPrice.CATALOG);
            assertThat(q.price().input()).isEqualByComparingTo("0.15");
        });
        refreshed.set(feed().catalog());

        assertThat(book.find("openai", "gpt-4o-mini")).get().satisfies(q -> {
            assertThat(q.source()).isEqualTo(QuotedPrice.REFRESHED);
            assertThat(q.price().input()).isEqualTo(new BigDecimal("0.2"));
        });
        assertThat(book.find("anthropic", "claude-opus-4-8")).get()
                .satisfies(q -> assertThat(q.source()).isEqualTo(QuotedPrice.CATALOG));
    }

    @Test
    void anOverrideBeatsRefreshedPrices() {
        refreshed.set(feed().catalog());
        Price admin = Price.of(new BigDecimal("1"), new BigDecimal("2"));
        when(overrides.find("openai", "gpt-4o-mini")).thenReturn(Optional.of(admin));

        assertThat(book.find("openai", "gpt-4o-mini")).get().satisfies(q -> {
            assertThat(q.source()).isEqualTo(QuotedPrice.OVERRIDE);
            assertThat(q.price()).isEqualTo(admin);
        });
    }

    @Test
    void eachLayerTriesTheKindThenTheNameThenAnyProvider() {
        refreshed.set(feed().catalog());

        assertThat(book.find("openai-eu", "openai", "gpt-5")).get()
                .satisfies(q -> assertThat(q.provider()).isEqualTo("openai"));
        assertThat(book.find("openai-eu", null, "gpt-5")).get()
                .satisfies(q -> assertThat(q.source()).isEqualTo(QuotedPrice.REFRESHED));
        // a dated id finds the refreshed entry by prefix, as ModelCatalog does in the built-in layer
        assertThat(book.find("openai", "gpt-4o-mini-2024-07-18")).get()
                .satisfies(q -> assertThat(q.source()).isEqualTo(QuotedPrice.REFRESHED));
    }

    @Test
    void aRefreshedEntryOfAnotherProviderNeverBeatsTheBuiltInPriceOfTheEventsOwnProvider() {
        refreshed.set(PriceFeeds.parse("""
                {"data": [{"id": "openai/gpt-oss-120b", "context_length": 131072,
                           "pricing": {"prompt": "0.00000001", "completion": "0.00000002"}}]}"""
                .getBytes(StandardCharsets.UTF_8), PriceFeedFormat.OPENROUTER, "inline").catalog());

        // Groq's own price from the built-in catalog, not OpenRouter's refreshed one for the same model id
        assertThat(book.find("groq", "groq", "openai/gpt-oss-120b")).get().satisfies(q -> {
            assertThat(q.source()).isEqualTo(QuotedPrice.CATALOG);
            assertThat(q.provider()).isEqualTo("groq");
        });
        assertThat(book.find("router-eu", "openrouter", "openai/gpt-oss-120b")).get()
                .satisfies(q -> assertThat(q.source()).isEqualTo(QuotedPrice.REFRESHED));
        // without a kind or a known name, any provider's entry, refreshed first
        assertThat(book.find("somewhere", null, "openai/gpt-oss-120b")).get()
                .satisfies(q -> assertThat(q.source()).isEqualTo(QuotedPrice.REFRESHED));
    }

    @Test
    void chargesCachedInputAtTheRefreshedCacheReadRateExactly() {
        refreshed.set(feed().catalog());
        var usage = new TokenUsage(1_000_000, 200_000, 400_000, 0, 0);

        Price price = book.find("openai", "gpt-5").orElseThrow().price();

        // 600,000 × 1.25 + 400,000 × 0.125 + 200,000 × 10, per million
        assertThat(price.cost(usage)).isEqualTo(new BigDecimal("2.8"));
        assertThat(book.find("openai", "gpt-4o-mini").orElseThrow().price().cost(new TokenUsage(3, 1, 1, 0, 0)))
                .isEqualTo(new BigDecimal("0.000001325")); // 2 × 0.2 + 1 × 0.125 + 1 × 0.8, per million
    }

    private static PriceFeed feed() {
        return PriceFeeds.parse(FEED.getBytes(StandardCharsets.UTF_8), PriceFeedFormat.LITELLM, "inline");
    }
}
