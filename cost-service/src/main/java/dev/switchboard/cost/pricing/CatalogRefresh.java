package dev.switchboard.cost.pricing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.catalog.ModelCatalog;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refreshed price layer: the last feed that was read successfully, as a catalog. A failed refresh (unreachable,
 * too large, not JSON, wrong shape, no usable price at all) changes nothing, logs a WARN and throws
 * {@link PriceFeedException}; until the first success the layer is empty and the built-in catalog answers.
 */
public final class CatalogRefresh {

    private static final Logger log = LoggerFactory.getLogger(CatalogRefresh.class);

    private final @Nullable PriceFeedSource source;
    private final PriceFeedFormat format;
    private final Clock clock;
    private final AtomicReference<Layer> current = new AtomicReference<>(new Layer(PriceFeed.EMPTY_CATALOG, null));

    private record Layer(ModelCatalog catalog, @Nullable RefreshOutcome outcome) {}

    /** @param source {@code null} when no feed is configured: the layer stays empty and refreshing is refused */
    public CatalogRefresh(@Nullable PriceFeedSource source, PriceFeedFormat format, Clock clock) {
        this.source = source;
        this.format = requireNonNull(format, "format");
        this.clock = requireNonNull(clock, "clock");
    }

    public boolean configured() {
        return source != null;
    }

    /** The refreshed prices (empty until a refresh succeeds). */
    public ModelCatalog catalog() {
        return current.get().catalog();
    }

    /** The last successful refresh. */
    public Optional<RefreshOutcome> last() {
        return Optional.ofNullable(current.get().outcome());
    }

    /**
     * Reads the feed and, if it holds at least one usable price, makes it the refreshed layer.
     *
     * @throws IllegalStateException when no feed is configured
     * @throws PriceFeedException when the feed cannot be used; the previous prices stay
     */
    public synchronized RefreshOutcome refresh() {
        PriceFeedSource feed = source;
        if (feed == null) {
            throw new IllegalStateException("no price feed is configured (set switchboard.cost.catalog.refresh-url)");
        }
        try {
            PriceFeed parsed = PriceFeeds.parse(read(feed), format, feed.location());
            if (parsed.models().isEmpty()) {
                throw new PriceFeedException(feed.location() + " holds no usable price (read as "
                        + parsed.format().label() + ": " + parsed.skipped() + " entries skipped, " + parsed.ignored()
                        + " ignored)");
            }
            var outcome = new RefreshOutcome(parsed.models().size(), parsed.skipped(), parsed.ignored(),
                    feed.location() + " (" + parsed.format().label() + ")", clock.instant());
            current.set(new Layer(parsed.catalog(), outcome));
            log.info("price catalog refreshed from {}: {} prices loaded, {} entries skipped, {} ignored",
                    outcome.source(), outcome.loaded(), outcome.skipped(), outcome.ignored());
            return outcome;
        } catch (PriceFeedException e) {
            log.warn("price catalog refresh failed, keeping the previous prices ({}): {}", kept(), e.getMessage());
            throw e;
        }
    }

    private static byte[] read(PriceFeedSource feed) {
        try {
            return feed.read();
        } catch (IOException | RuntimeException e) {
            // RuntimeException too: the HTTP client throws IllegalArgumentException for a URI it cannot request
            String message = String.valueOf(e.getMessage());
            boolean namesFeed = message.startsWith(feed.location() + " ") || message.startsWith(feed.location() + ":");
            throw new PriceFeedException("cannot read price feed " + (namesFeed ? message : feed.location() + ": " + e),
                    e);
        }
    }

    private String kept() {
        return last().map(o -> o.loaded() + " from " + o.source() + " as of " + o.asOf())
                .orElse("none refreshed yet: the built-in catalog");
    }
}
