package dev.switchboard.cost.pricing;

import dev.switchboard.contracts.catalog.Price;
import dev.switchboard.cost.web.ApiException;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/PUT/DELETE /v1/prices/{provider}/{model}}: the price the service charges for a provider name and model id,
 * and the admin override of it. The model may contain slashes ({@code openrouter/meta-llama/llama-4-scout}). Prices
 * are USD per million tokens, written as decimal strings so they stay exact. {@code POST /v1/prices/refresh} reads
 * the configured price feed now.
 */
@RestController
@RequestMapping("/v1/prices")
public class PricesEndpoint {

    private final PriceBook prices;
    private final PriceOverrides overrides;
    private final CatalogRefresh refresh;

    public PricesEndpoint(PriceBook prices, PriceOverrides overrides, CatalogRefresh refresh) {
        this.prices = prices;
        this.overrides = overrides;
        this.refresh = refresh;
    }

    /** A price in the API: per million tokens, decimals as strings; null cached / cache-write: billed as input. */
    public record PriceBody(@Nullable BigDecimal inputPerMtok, @Nullable BigDecimal outputPerMtok,
                            @Nullable BigDecimal cachedInputPerMtok, @Nullable BigDecimal cacheWritePerMtok) {}

    /** What GET and PUT answer. {@code listedAs} names the catalog entry when the price came from it. */
    public record PriceView(String provider, String model, String source, String listedAs, String inputPerMtok,
                            String outputPerMtok, @Nullable String cachedInputPerMtok,
                            @Nullable String cacheWritePerMtok, @Nullable Instant updatedAt) {}

    /** Reads the price feed now: 409 when none is configured, 502 (previous prices kept) when it cannot be used. */
    @PostMapping("/refresh")
    RefreshOutcome refresh() {
        if (!refresh.configured()) {
            throw ApiException.conflict("no price feed is configured (set switchboard.cost.catalog.refresh-url)");
        }
        try {
            return refresh.refresh();
        } catch (PriceFeedException e) {
            throw ApiException.badGateway("price catalog refresh failed, the previous prices stay: " + e.getMessage());
        }
    }

    @GetMapping("/{provider}/{*model}")
    PriceView get(@PathVariable String provider, @PathVariable("model") String modelPath) {
        String model = model(modelPath);
        var stored = overrides.findWithTime(provider, model);
        if (stored.isPresent()) {
            return view(provider, model, new QuotedPrice(stored.get().price(), QuotedPrice.OVERRIDE, provider, model),
                    stored.get().updatedAt());
        }
        return prices.find(provider, model)
                .map(quoted -> view(provider, model, quoted, null))
                .orElseThrow(() -> ApiException.notFound("no price for provider '" + provider + "' and model '"
                        + model + "' (no override, and the catalog lists no model with that id)"));
    }

    @PutMapping("/{provider}/{*model}")
    PriceView put(@PathVariable String provider, @PathVariable("model") String modelPath, @RequestBody PriceBody body) {
        String model = model(modelPath);
        Price price = validated(body);
        var stored = overrides.put(provider, model, price);
        return view(provider, model, new QuotedPrice(price, QuotedPrice.OVERRIDE, provider, model), stored.updatedAt());
    }

    @DeleteMapping("/{provider}/{*model}")
    ResponseEntity<Void> delete(@PathVariable String provider, @PathVariable("model") String modelPath) {
        String model = model(modelPath);
        if (!overrides.delete(provider, model)) {
            throw ApiException.notFound("no price override for provider '" + provider + "' and model '" + model + "'");
        }
        return ResponseEntity.noContent().build();
    }

    /** {@code {*model}} captures the rest of the path with its leading slash. */
    private static String model(String modelPath) {
        String model = modelPath.startsWith("/") ? modelPath.substring(1) : modelPath;
        if (model.isBlank()) {
            throw ApiException.badRequest("the path has no model id (expected /v1/prices/{provider}/{model})");
        }
        return model;
    }

    private static Price validated(PriceBody body) {
        BigDecimal input = required(body.inputPerMtok(), "inputPerMtok");
        BigDecimal output = required(body.outputPerMtok(), "outputPerMtok");
        nonNegative(body.cachedInputPerMtok(), "cachedInputPerMtok");
        nonNegative(body.cacheWritePerMtok(), "cacheWritePerMtok");
        return new Price(input, output, body.cachedInputPerMtok(), body.cacheWritePerMtok());
    }

    private static BigDecimal required(@Nullable BigDecimal value, String field) {
        if (value == null) {
            throw ApiException.badRequest("'" + field + "' is missing (expected USD per million tokens, e.g. \"2.5\")");
        }
        nonNegative(value, field);
        return value;
    }

    private static void nonNegative(@Nullable BigDecimal value, String field) {
        if (value != null && value.signum() < 0) {
            throw ApiException.badRequest("'" + field + "' is " + value.toPlainString() + " (expected >= 0)");
        }
    }

    private static PriceView view(String provider, String model, QuotedPrice quoted, @Nullable Instant updatedAt) {
        Price p = quoted.price();
        return new PriceView(provider, model, quoted.source(), quoted.provider() + "/" + quoted.model(),
                plain(p.input()), plain(p.output()), p.cachedInput() == null ? null : plain(p.cachedInput()),
                p.cacheWrite() == null ? null : plain(p.cacheWrite()), updatedAt);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
