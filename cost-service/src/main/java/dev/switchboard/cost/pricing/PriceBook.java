package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.catalog.ModelInfo;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Finds the price of a (provider, model) as a completion event names them, in this order:
 * <ol>
 *   <li>an admin override for exactly that provider name and model id;</li>
 *   <li>the catalog entry for {@code find(provider, model)}, which is right when the provider is named after its kind
 *       ({@code openai}, {@code anthropic}, ...);</li>
 *   <li>the first catalog entry, in catalog order, of any provider with exactly that model id.</li>
 * </ol>
 * The third step exists because the event carries the configured provider <em>name</em> (e.g. {@code openai-eu}), not
 * its kind; when the event also carries the kind, look it up by kind instead. Nothing else is tried: an unknown price
 * is reported as unknown, never guessed.
 */
public final class PriceBook {

    /** Catalog lookup by model id alone, whatever the provider (see {@link ModelCatalog#find}). */
    private static final String ANY_PROVIDER = "openai-compatible";

    private final PriceOverrides overrides;
    private final ModelCatalog catalog;

    public PriceBook(PriceOverrides overrides, ModelCatalog catalog) {
        this.overrides = requireNonNull(overrides, "overrides");
        this.catalog = requireNonNull(catalog, "catalog");
    }

    public Optional<QuotedPrice> find(String provider, String model) {
        return find(provider, null, model);
    }

    /** As {@link #find(String, String)}, trying the provider's kind (when the event carries it) before its name. */
    public Optional<QuotedPrice> find(String provider, @Nullable String kind, String model) {
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        return overrides.find(provider, model)
                .map(price -> new QuotedPrice(price, QuotedPrice.OVERRIDE, provider, model))
                .or(() -> kind == null ? Optional.empty() : catalog.find(kind, model).map(PriceBook::fromCatalog))
                .or(() -> catalog.find(provider, model).map(PriceBook::fromCatalog))
                .or(() -> catalog.find(ANY_PROVIDER, model).map(PriceBook::fromCatalog));
    }

    private static QuotedPrice fromCatalog(ModelInfo info) {
        return new QuotedPrice(info.price(), QuotedPrice.CATALOG, info.provider(), info.model());
    }
}
