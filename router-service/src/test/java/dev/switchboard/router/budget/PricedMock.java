package dev.switchboard.router.budget;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.catalog.Price;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The mock has no list price, so budget tests give the router a catalog where {@code mock/echo} costs 1,000 USD per
 * million tokens (1,000 µ$ a token): a {@link ModelCatalog} bean replaces the built-in catalog, as any deployment may.
 */
@TestConfiguration(proxyBeanMethods = false)
class PricedMock {

    @Bean
    ModelCatalog pricedCatalog() {
        return ModelCatalog.builtIn().withOverrides(List.of(new ModelInfo("mock", "echo",
                Price.of(new BigDecimal("1000"), new BigDecimal("1000")), 128_000, 100, true, true, true)));
    }
}
