package dev.switchboard.cost.pricing;

import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.catalog.Price;
import dev.switchboard.cost.pricing.FeedValues.BadEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads OpenRouter's {@code GET /api/v1/models}: {@code {"data":[{"id":..,"pricing":{"prompt":"0.0000025",..}}]}},
 * prices as decimal strings in USD per token. Every entry is provider {@code openrouter} with its id as is. A
 * {@code -1} price (router pseudo-models such as {@code openrouter/auto}) or a missing one is unknown: skipped.
 */
final class OpenRouterPriceFeed {

    private static final Logger log = LoggerFactory.getLogger(OpenRouterPriceFeed.class);
    private static final String PROVIDER = "openrouter";

    private OpenRouterPriceFeed() {
    }

    static PriceFeed parse(JsonNode root, String source) {
        JsonNode data = root.isObject() ? root.get("data") : null;
        if (data == null || !data.isArray()) {
            throw new PriceFeedException(source + " has no top-level \"data\" array (expected OpenRouter's models "
                    + "list, {\"data\":[...]})");
        }
        List<ModelInfo> models = new ArrayList<>();
        int skipped = 0;
        int index = 0;
        for (JsonNode entry : data.values()) {
            try {
                models.add(model(entry));
            } catch (BadEntry | IllegalArgumentException e) {
                skipped++;
                log.debug("{}: skipped data[{}]: {}", source, index, e.getMessage());
            }
            index++;
        }
        return new PriceFeed(PriceFeedFormat.OPENROUTER, models, skipped, 0);
    }

    private static ModelInfo model(JsonNode entry) throws BadEntry {
        if (!entry.isObject()) {
            throw new BadEntry("a JSON " + entry.getNodeType() + " (expected a model object)");
        }
        String id = FeedValues.text(entry, "id");
        if (id == null || id.isBlank()) {
            throw new BadEntry("no \"id\"");
        }
        JsonNode pricing = entry.get("pricing");
        if (pricing == null || !pricing.isObject()) {
            throw new BadEntry(id + " has no \"pricing\" object");
        }
        Price price = new Price(known(pricing, "prompt", id), known(pricing, "completion", id),
                optional(pricing, "input_cache_read"), optional(pricing, "input_cache_write"));
        JsonNode top = entry.path("top_provider");
        long contextWindow = FeedValues.tokens(entry, "context_length");
        if (contextWindow == 0 && top.isObject()) {
            contextWindow = FeedValues.tokens(top, "context_length");
        }
        if (contextWindow == 0) {
            throw new BadEntry(id + " has no context_length (the catalog keeps no model without a context window)");
        }
        long maxOutput = top.isObject() ? FeedValues.optionalTokens(top, "max_completion_tokens") : 0;
        return new ModelInfo(PROVIDER, id, price, contextWindow, maxOutput, listed(entry.path("supported_parameters"),
                "tools"), listed(entry.path("architecture").path("input_modalities"), "image"),
                listed(entry.path("supported_parameters"), "structured_outputs"));
    }

    private static BigDecimal known(JsonNode pricing, String field, String id) throws BadEntry {
        BigDecimal value = FeedValues.perMillion(pricing, field);
        if (value == null || value.signum() < 0) {
            throw new BadEntry(id + " pricing." + field + " is " + (value == null ? "missing" : "negative")
                    + " (unknown price)");
        }
        return value;
    }

    private static @Nullable BigDecimal optional(JsonNode pricing, String field) throws BadEntry {
        BigDecimal value = FeedValues.perMillion(pricing, field);
        return value == null || value.signum() < 0 ? null : value;
    }

    private static boolean listed(JsonNode array, String value) {
        if (!array.isArray()) {
            return false;
        }
        for (JsonNode item : array.values()) {
            if (item.isString() && item.stringValue().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
