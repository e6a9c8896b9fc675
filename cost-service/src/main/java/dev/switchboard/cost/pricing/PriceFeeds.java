package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses a price feed's bytes in a given or detected format. */
public final class PriceFeeds {

    /** Floats as {@link java.math.BigDecimal}, so {@code 1.25e-07} stays exactly that. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private PriceFeeds() {
    }

    /**
     * @param source names the feed in error messages (a URL or file)
     * @throws PriceFeedException when the document is not JSON or not the format's shape; single bad entries are
     *                            skipped and counted instead
     */
    public static PriceFeed parse(byte[] json, PriceFeedFormat format, String source) {
        requireNonNull(json, "json");
        requireNonNull(format, "format");
        requireNonNull(source, "source");
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new PriceFeedException(source + " is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new PriceFeedException(source + " is empty (expected a JSON price feed)");
        }
        return switch (format == PriceFeedFormat.AUTO ? detect(root) : format) {
            case OPENROUTER -> OpenRouterPriceFeed.parse(root, source);
            case LITELLM, AUTO -> LiteLlmPriceFeed.parse(root, source);
        };
    }

    /** A top-level {@code data} array is OpenRouter's models list; anything else is read as LiteLLM's. */
    static PriceFeedFormat detect(JsonNode root) {
        return root.isObject() && root.path("data").isArray() ? PriceFeedFormat.OPENROUTER : PriceFeedFormat.LITELLM;
    }
}
