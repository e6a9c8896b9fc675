/**
 * Prices per (provider, model): admin overrides in the database first, then the catalog refreshed from a LiteLLM or
 * OpenRouter price feed, then the built-in catalog.
 */
@NullMarked
package dev.switchboard.cost.pricing;

import org.jspecify.annotations.NullMarked;
