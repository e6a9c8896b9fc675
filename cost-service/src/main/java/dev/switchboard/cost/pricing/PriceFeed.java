package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.catalog.ModelInfo;
import java.util.List;

/**
 * The prices read from one feed.
 *
 * @param format the format it was read as
 * @param models the usable entries, in feed order
 * @param skipped entries of a wanted provider and mode that could not be used (malformed, unknown or negative price,
 *                no context window)
 * @param ignored entries that are not wanted here (other providers, image or audio modes, LiteLLM's
 *                {@code sample_spec})
 */
public record PriceFeed(PriceFeedFormat format, List<ModelInfo> models, int skipped, int ignored) {

    /** The catalog's CSV header: parsing just this line gives an empty catalog to layer entries onto. */
    private static final String CSV_HEADER = "provider,model,input_per_mtok,output_per_mtok,cached_input_per_mtok,"
            + "cache_write_per_mtok,context_window,max_output_tokens,tools,vision,json_schema";

    /** A catalog without any model. */
    public static final ModelCatalog EMPTY_CATALOG = ModelCatalog.parse(CSV_HEADER, "empty catalog");

    public PriceFeed {
        requireNonNull(format, "format");
        models = List.copyOf(models);
    }

    /** The entries as a catalog with {@link ModelCatalog}'s lookup rules; a repeated (provider, model): last wins. */
    public ModelCatalog catalog() {
        return EMPTY_CATALOG.withOverrides(models);
    }
}
