package dev.switchboard.cost.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.cost.web.ApiException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;

class PricesEndpointRefreshTest {

    private final PriceOverrides overrides = mock(PriceOverrides.class);

    @TempDir
    Path dir;

    @Test
    void answersConflictWhenNoFeedIsConfigured() {
        var endpoint = endpoint(new CatalogRefresh(null, PriceFeedFormat.AUTO, Clock.systemUTC()));

        assertThatThrownBy(endpoint::refresh).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(e.getMessage()).contains("switchboard.cost.catalog.refresh-url");
        });
    }

    @Test
    void answersBadGatewayNamingTheFeedWhenItCannotBeRead() {
        Path missing = dir.resolve("missing.json");
        var endpoint = endpoint(new CatalogRefresh(PriceFeedSource.of(missing.toString(), 1000, Duration.ofSeconds(1)),
                PriceFeedFormat.AUTO, Clock.systemUTC()));

        assertThatThrownBy(endpoint::refresh).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_GATEWAY);
            assertThat(e.getMessage()).startsWith("price catalog refresh failed, the previous prices stay: ")
                    .contains(missing.toString());
        });
    }

    private PricesEndpoint endpoint(CatalogRefresh refresh) {
        return new PricesEndpoint(new PriceBook(overrides, refresh::catalog, ModelCatalog.builtIn()), overrides,
                refresh);
    }
}
