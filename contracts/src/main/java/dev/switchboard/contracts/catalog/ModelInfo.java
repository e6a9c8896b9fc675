package dev.switchboard.contracts.catalog;

import static java.util.Objects.requireNonNull;

/**
 * What the catalog knows about one model at one provider.
 *
 * @param provider        Switchboard's provider kind, e.g. {@code openai}, {@code openrouter}
 * @param model           the provider's model id, e.g. {@code gpt-4.1-mini} or {@code meta-llama/llama-4-scout}
 * @param contextWindow   input plus output tokens the model accepts; always positive
 * @param maxOutputTokens the most output tokens per response, or {@code 0} when the sources do not say
 * @param tools           whether the model accepts tool definitions
 * @param vision          whether the model accepts images
 * @param jsonSchema      whether the model supports a JSON-schema response format
 */
public record ModelInfo(String provider, String model, Price price, long contextWindow, long maxOutputTokens,
                        boolean tools, boolean vision, boolean jsonSchema) {

    public ModelInfo {
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        requireNonNull(price, "price");
        if (provider.isBlank() || model.isBlank()) {
            throw new IllegalArgumentException("model info needs a provider and a model, got '" + provider
                    + "' and '" + model + "'");
        }
        if (contextWindow <= 0) {
            throw new IllegalArgumentException("context window of " + provider + "/" + model + " is "
                    + contextWindow + " (expected > 0)");
        }
        if (maxOutputTokens < 0) {
            throw new IllegalArgumentException("max output tokens of " + provider + "/" + model + " is "
                    + maxOutputTokens + " (expected >= 0, 0 meaning unknown)");
        }
    }

    /** Whether the sources give a maximum output length; when not, {@link #maxOutputTokens()} is {@code 0}. */
    public boolean knowsMaxOutputTokens() {
        return maxOutputTokens > 0;
    }
}
