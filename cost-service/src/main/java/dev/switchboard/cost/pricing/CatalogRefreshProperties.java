package dev.switchboard.cost.pricing;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code switchboard.cost.catalog.*}: where refreshed prices come from.
 *
 * @param refreshUrl an http(s) URL, a {@code file:} URL or a file path; absent or blank: no refresh, the built-in
 *                   catalog (and overrides) only
 * @param format {@code litellm}, {@code openrouter} or {@code auto} (the default: a top-level {@code data} array is
 *               OpenRouter's)
 * @param interval how often to refresh after the first one at start; absent or zero: only at start and on demand
 */
@ConfigurationProperties(prefix = "switchboard.cost.catalog", ignoreUnknownFields = false)
public record CatalogRefreshProperties(@Nullable String refreshUrl, @Nullable PriceFeedFormat format,
                                       @Nullable Duration interval) {

    public CatalogRefreshProperties {
        if (interval != null && interval.isNegative()) {
            throw new IllegalArgumentException("switchboard.cost.catalog.interval is " + interval
                    + " (expected a positive duration such as 24h, or 0 for no periodic refresh)");
        }
        if (refreshUrl != null && refreshUrl.isBlank()) {
            refreshUrl = null;
        }
    }

    public PriceFeedFormat formatOrAuto() {
        return format == null ? PriceFeedFormat.AUTO : format;
    }

    public Duration intervalOrNone() {
        return interval == null ? Duration.ZERO : interval;
    }
}
