package dev.switchboard.router.routing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/** The orders of the {@code weighted}, {@code cheapest} and {@code fastest} strategies. */
final class Strategies {

    /** Output tokens assumed when the caller set no limit, for the expected cost. */
    static final long DEFAULT_OUTPUT_TOKENS = 512;

    private Strategies() {
    }

    /** A random order where each deployment comes first with probability weight / total; weight 0 only as a fallback. */
    static List<Deployment> weighted(List<Deployment> deployments, RandomGenerator random) {
        record Keyed(Deployment d, double key) {}
        List<Keyed> keyed = new ArrayList<>(deployments.size());
        for (Deployment d : deployments) {
            double key = d.weight() <= 0 ? -1 : Math.pow(random.nextDouble(), 1.0 / d.weight());
            keyed.add(new Keyed(d, key));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key).reversed());
        return keyed.stream().map(Keyed::d).toList();
    }

    /** Lowest expected cost for this request's estimated input and output first; unknown prices last. */
    static List<Deployment> cheapest(List<Deployment> deployments, CallContext call) {
        long output = call.needs().outputTokens() > 0 ? call.needs().outputTokens() : DEFAULT_OUTPUT_TOKENS;
        List<Deployment> sorted = new ArrayList<>(deployments);
        sorted.sort(Comparator.comparing((Deployment d) -> d.info() == null ? null
                        : d.info().price().expectedCost(call.estimatedInputTokens(), output),
                Comparator.nullsLast(Comparator.<BigDecimal>naturalOrder())));
        return sorted;
    }

    /**
     * Lowest recent latency first; a deployment without a fresh sample goes first so it gets one. With probability
     * {@code exploration} a random other deployment leads instead, so a recovered provider is noticed.
     */
    static List<Deployment> fastest(List<Deployment> deployments, LatencyBook latency, boolean stream,
                                    RandomGenerator random, double exploration) {
        List<Deployment> sorted = new ArrayList<>(deployments);
        sorted.sort(Comparator.comparingDouble(d -> latency.millis(d.id(), stream).orElse(-1.0)));
        if (sorted.size() > 1 && random.nextDouble() < exploration) {
            Deployment explored = sorted.remove(1 + random.nextInt(sorted.size() - 1));
            sorted.addFirst(explored);
        }
        return sorted;
    }
}
