package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.catalog.Price;

/**
 * A price and where it came from.
 *
 * @param source {@code override} (set through the API), {@code refreshed} (the last price feed read) or
 *               {@code catalog} (the built-in catalog)
 * @param provider the provider the price is listed under (for a catalog match by model id, the catalog's provider)
 * @param model the model id the price is listed under
 */
public record QuotedPrice(Price price, String source, String provider, String model) {

    public static final String OVERRIDE = "override";
    public static final String REFRESHED = "refreshed";
    public static final String CATALOG = "catalog";

    public QuotedPrice {
        requireNonNull(price, "price");
        requireNonNull(source, "source");
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
    }
}
