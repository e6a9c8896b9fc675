package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.catalog.ModelInfo;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Finds the price of a (provider, model) as a completion event names them. Layers, the first that knows wins:
 * an admin override for exactly that provider name and model id; then the refreshed catalog (the last price feed
 * read, see {@link CatalogRefresh}); then the built-in catalog. In each catalog layer, in this order:
 * <ol>
 *   <li>{@code find(kind, model)} when the event carries the provider's kind;</li>
 *   <li>{@code find(provider, model)}, which is right when the provider is named after its kind
 *       ({@code openai}, {@code anthropic}, ...);</li>
 *   <li>the first catalog entry, in catalog order, of any provider with exactly that model id: tried only after
 *       steps 1 and 2 found nothing in <em>either</em> catalog, so that an OpenRouter feed's
 *       {@code openai/gpt-oss-120b} never prices Groq's model of that id over the built-in Groq price.</li>
 * </ol>
 * The last step exists because the event carries the configured provider <em>name</em> (e.g. {@code openai-eu}), not
 * its kind; when the event also carries the kind, look it up by kind instead. Nothing else is tried: an unknown price
 * is reported as unknown, never guessed.
 */
public final class PriceBook {

    /** Catalog lookup by model id alone, whatever the provider (see {@link ModelCatalog#find}). */
    private static final String ANY_PROVIDER = "openai-compatible";

    private final PriceOverrides overrides;
    private final Supplier<ModelCatalog> refreshed;
    private final ModelCatalog catalog;

    /** Overrides, then {@code catalog}; no refreshed layer. */
    public PriceBook(PriceOverrides overrides, ModelCatalog catalog) {
        this(overrides, () -> PriceFeed.EMPTY_CATALOG, catalog);
    }

    /**
     * @param refreshed the refreshed layer as it is now (read on every lookup, so a refresh applies to the next one)
     * @param catalog the built-in catalog
     */
    public PriceBook(PriceOverrides overrides, Supplier<ModelCatalog> refreshed, ModelCatalog catalog) {
        this.overrides = requireNonNull(overrides, "overrides");
        this.refreshed = requireNonNull(refreshed, "refreshed");
        this.catalog = requireNonNull(catalog, "catalog");
    }

    public Optional<QuotedPrice> find(String provider, String model) {
        return find(provider, null, model);
    }

    /** As {@link #find(String, String)}, trying the provider's kind (when the event carries it) before its name. */
    public Optional<QuotedPrice> find(String provider, @Nullable String kind, String model) {
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        ModelCatalog fresh = refreshed.get();
        return overrides.find(provider, model)
                .map(price -> new QuotedPrice(price, QuotedPrice.OVERRIDE, provider, model))
                .or(() -> ofProvider(fresh, QuotedPrice.REFRESHED, provider, kind, model))
                .or(() -> ofProvider(catalog, QuotedPrice.CATALOG, provider, kind, model))
                .or(() -> quoted(fresh.find(ANY_PROVIDER, model), QuotedPrice.REFRESHED))
                .or(() -> quoted(catalog.find(ANY_PROVIDER, model), QuotedPrice.CATALOG));
    }

    private static Optional<QuotedPrice> ofProvider(ModelCatalog layer, String source, String provider,
                                                    @Nullable String kind, String model) {
        Optional<ModelInfo> byKind = kind == null ? Optional.empty() : layer.find(kind, model);
        return quoted(byKind.or(() -> layer.find(provider, model)), source);
    }

    private static Optional<QuotedPrice> quoted(Optional<ModelInfo> info, String source) {
        return info.map(found -> new QuotedPrice(found.price(), source, found.provider(), found.model()));
    }
}
