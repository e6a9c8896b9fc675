package dev.switchboard.cost.pricing;

/** A price feed that cannot be used at all (unreachable, too large, not JSON, wrong shape); names the source. */
public final class PriceFeedException extends RuntimeException {

    public PriceFeedException(String message) {
        super(message);
    }

    public PriceFeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
