package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * What a successful catalog refresh loaded.
 *
 * @param loaded prices now in the refreshed layer
 * @param skipped wanted entries that could not be used (see {@link PriceFeed#skipped()})
 * @param ignored entries not wanted here (see {@link PriceFeed#ignored()})
 * @param source the feed's location and the format it was read as, e.g. {@code https://... (litellm)}
 * @param asOf when the feed was read
 */
public record RefreshOutcome(int loaded, int skipped, int ignored, String source, Instant asOf) {

    public RefreshOutcome {
        requireNonNull(source, "source");
        requireNonNull(asOf, "asOf");
    }
}
