package dev.switchboard.cost.pricing;

import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.catalog.Price;
import dev.switchboard.cost.pricing.FeedValues.BadEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Reads LiteLLM's {@code model_prices_and_context_window.json}: one object keyed by model, prices in USD per token.
 * Only the providers Switchboard has a kind for are read (cloud resellers such as {@code azure}, {@code bedrock} and
 * {@code vertex_ai-*} sell the same ids at other prices, so they are ignored), and only text modes.
 */
final class LiteLlmPriceFeed {

    private static final Logger log = LoggerFactory.getLogger(LiteLlmPriceFeed.class);

    /** LiteLLM's {@code litellm_provider} → Switchboard's provider kind. */
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("openai", "openai"), Map.entry("text-completion-openai", "openai"),
            Map.entry("anthropic", "anthropic"), Map.entry("gemini", "gemini"), Map.entry("xai", "xai"),
            Map.entry("groq", "groq"), Map.entry("cerebras", "cerebras"), Map.entry("deepinfra", "deepinfra"),
            Map.entry("mistral", "mistral"), Map.entry("openrouter", "openrouter"));
    private static final Set<String> MODES = Set.of("chat", "completion", "responses", "embedding");

    private LiteLlmPriceFeed() {
    }

    static PriceFeed parse(JsonNode root, String source) {
        if (!root.isObject()) {
            throw new PriceFeedException(source + " is a JSON " + root.getNodeType()
                    + " (expected LiteLLM's object keyed by model id)");
        }
        List<ModelInfo> models = new ArrayList<>();
        int skipped = 0;
        int ignored = 0;
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            String key = property.getKey();
            JsonNode entry = property.getValue();
            if (!entry.isObject()) {
                skipped++;
                log.debug("{}: skipped '{}': a JSON {} (expected an object)", source, key, entry.getNodeType());
                continue;
            }
            String provider = FeedValues.text(entry, "litellm_provider");
            String kind = provider == null ? null : KINDS.get(provider);
            if (key.equals("sample_spec") || kind == null || !MODES.contains(FeedValues.text(entry, "mode"))) {
                ignored++;
                continue;
            }
            try {
                models.add(model(kind, modelId(key, provider), entry));
            } catch (BadEntry | IllegalArgumentException e) {
                skipped++;
                log.debug("{}: skipped '{}': {}", source, key, e.getMessage());
            }
        }
        return new PriceFeed(PriceFeedFormat.LITELLM, models, skipped, ignored);
    }

    /** The key without its {@code provider/} prefix: {@code groq/openai/gpt-oss-120b} → {@code openai/gpt-oss-120b}. */
    private static String modelId(String key, @Nullable String provider) {
        String prefix = provider + "/";
        return key.startsWith(prefix) ? key.substring(prefix.length()) : key;
    }

    private static ModelInfo model(String kind, String model, JsonNode entry) throws BadEntry {
        BigDecimal input = required(entry, "input_cost_per_token");
        BigDecimal output = required(entry, "output_cost_per_token");
        Price price = new Price(input, output, optional(entry, "cache_read_input_token_cost"),
                optional(entry, "cache_creation_input_token_cost"));
        long contextWindow = FeedValues.tokens(entry, "max_input_tokens");
        if (contextWindow == 0) {
            throw new BadEntry("max_input_tokens is missing (the catalog keeps no model without a context window)");
        }
        return new ModelInfo(kind, model, price, contextWindow, FeedValues.optionalTokens(entry, "max_output_tokens"),
                flag(entry, "supports_function_calling"), flag(entry, "supports_vision"),
                flag(entry, "supports_response_schema"));
    }

    private static BigDecimal required(JsonNode entry, String field) throws BadEntry {
        BigDecimal value = FeedValues.perMillion(entry, field);
        if (value == null || value.signum() < 0) {
            throw new BadEntry(field + " is " + (value == null ? "missing" : value.toPlainString() + " per million")
                    + " (expected a price >= 0)");
        }
        return value;
    }

    /** A cache price; a negative one reads as unknown (billed at the input price), like a missing one. */
    private static @Nullable BigDecimal optional(JsonNode entry, String field) throws BadEntry {
        BigDecimal value = FeedValues.perMillion(entry, field);
        return value == null || value.signum() < 0 ? null : value;
    }

    /** Missing flags mean unknown; the catalog writes unknown capabilities as {@code false}. */
    private static boolean flag(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
