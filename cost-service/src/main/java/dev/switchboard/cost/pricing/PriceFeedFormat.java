package dev.switchboard.cost.pricing;

/** The JSON formats a price feed may use; {@code AUTO} reads a top-level {@code data} array as OpenRouter's. */
public enum PriceFeedFormat {
    /** Detect the format from the document. */
    AUTO,
    /** LiteLLM's {@code model_prices_and_context_window.json}: an object keyed by model. */
    LITELLM,
    /** OpenRouter's {@code GET /api/v1/models}: {@code {"data":[...]}}. */
    OPENROUTER;

    /** The lower-case name used in properties and answers. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
