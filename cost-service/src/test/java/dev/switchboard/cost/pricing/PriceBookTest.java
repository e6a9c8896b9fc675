package dev.switchboard.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.switchboard.contracts.catalog.ModelCatalog;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PriceBookTest {

    private final PriceOverrides none = mock(PriceOverrides.class);

    @Test
    void theProvidersKindPricesAModelSeveralProvidersSell() {
        when(none.find(anyString(), anyString()))
                .thenReturn(Optional.empty());
        var book = new PriceBook(none, ModelCatalog.builtIn());

        // "router-eu" is a configured name; its kind says it is OpenRouter, not Groq (which lists the model first)
        assertThat(book.find("router-eu", "openrouter", "openai/gpt-oss-120b")).get()
                .satisfies(q -> assertThat(q.price().input()).isEqualByComparingTo(new BigDecimal("0.037")));
        assertThat(book.find("router-eu", null, "openai/gpt-oss-120b")).get()
                .satisfies(q -> assertThat(q.price().input()).isEqualByComparingTo(new BigDecimal("0.15")));
    }
}
