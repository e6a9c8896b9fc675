package dev.switchboard.router.routing;

import dev.switchboard.contracts.config.RoutePolicy;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Turns a route into the order its deployments are tried for one request: follows {@code rules} to the route they
 * choose, puts the deployments that can serve the request (tools, images, JSON schema, context window, as the
 * catalog and the adapter say) first, orders them by the route's strategy, then moves deployments whose circuit is
 * open, or whose rate-limit headroom is nearly gone, after the others.
 */
public final class Planner {

    /** Below this share of its rate limit left, a deployment is tried after the others. */
    static final double LOW_HEADROOM = 0.1;
    private static final int MAX_RULE_DEPTH = 8;

    private final Health health;
    private final LatencyBook latency;
    private final RandomGenerator random;
    private final double exploration;

    public Planner(Health health, LatencyBook latency, RandomGenerator random, double exploration) {
        this.health = health;
        this.latency = latency;
        this.random = random;
        this.exploration = exploration;
    }

    public Plan plan(Route route, CallContext call, boolean stream, Function<String, @Nullable Route> routes) {
        Route served = followRules(route, call, routes, 0);
        if (served.deployments().size() < 2) {
            return new Plan(served, served.deployments());
        }
        List<Deployment> capable = new ArrayList<>(served.deployments().size());
        List<Deployment> incapable = new ArrayList<>(0);
        for (Deployment d : served.deployments()) {
            (canServe(d, call) ? capable : incapable).add(d);
        }
        List<Deployment> ordered = new ArrayList<>(order(served.policy().strategy(), capable, call, stream));
        ordered.addAll(order(served.policy().strategy(), incapable, call, stream));
        return new Plan(served, healthyFirst(ordered));
    }

    private List<Deployment> order(RoutePolicy.Strategy strategy, List<Deployment> deployments, CallContext call,
                                   boolean stream) {
        if (deployments.size() < 2) {
            return deployments;
        }
        return switch (strategy) {
            case FIXED, RACE, RULES -> deployments;
            case WEIGHTED -> Strategies.weighted(deployments, random);
            case CHEAPEST -> Strategies.cheapest(deployments, call);
            case FASTEST -> Strategies.fastest(deployments, latency, stream, random, exploration);
        };
    }

    private Route followRules(Route route, CallContext call, Function<String, @Nullable Route> routes, int depth) {
        RoutePolicy policy = route.policy();
        if (policy.strategy() != RoutePolicy.Strategy.RULES || depth > MAX_RULE_DEPTH) {
            return route;
        }
        String next = null;
        for (RoutePolicy.Rule rule : policy.rules()) {
            if (matches(rule.when(), call)) {
                next = rule.route();
                break;
            }
        }
        if (next == null) {
            next = policy.defaultRoute();
        }
        if (next == null) {
            return route;
        }
        Route chosen = routes.apply(next);
        if (chosen == null) {
            throw new GatewayException(ErrorCategory.INTERNAL, "route '" + route.name() + "' names '" + next
                    + "', which is not configured");
        }
        return followRules(chosen, call, routes, depth + 1);
    }

    static boolean matches(RoutePolicy.Match when, CallContext call) {
        if (when.task() != null && !when.task().equals(call.task())) {
            return false;
        }
        for (Map.Entry<String, String> e : when.metadata().entrySet()) {
            if (!e.getValue().equals(call.metadata().get(e.getKey()))) {
                return false;
            }
        }
        return (when.key() == null || when.key().equals(call.keyName()))
                && (when.minInputTokens() == null || call.estimatedInputTokens() >= when.minInputTokens())
                && (when.maxInputTokens() == null || call.estimatedInputTokens() <= when.maxInputTokens())
                && (when.tools() == null || when.tools() == call.needs().tools())
                && (when.images() == null || when.images() == call.needs().images());
    }

    /** Deployments known to lack something the request needs go last (the catalog may be stale, so they stay). */
    static boolean canServe(Deployment d, CallContext call) {
        CallContext.Needs needs = call.needs();
        var caps = d.adapter().capabilities();
        if (needs.tools() && !caps.tools() || needs.images() && !caps.vision() || needs.jsonSchema() && !caps.jsonSchema()) {
            return false;
        }
        var info = d.info();
        if (info == null) {
            return true;
        }
        return !(needs.tools() && !info.tools() || needs.images() && !info.vision()
                || needs.jsonSchema() && !info.jsonSchema()
                || info.contextWindow() > 0 && call.estimatedInputTokens() + needs.outputTokens() > info.contextWindow());
    }

    private List<Deployment> healthyFirst(List<Deployment> ordered) {
        List<Deployment> healthy = new ArrayList<>(ordered.size());
        List<Deployment> low = new ArrayList<>(0);
        List<Deployment> open = new ArrayList<>(0);
        for (Deployment d : ordered) {
            if (!health.available(d.id())) {
                open.add(d);
            } else if (health.headroom(d.id()) < LOW_HEADROOM) {
                low.add(d);
            } else {
                healthy.add(d);
            }
        }
        healthy.addAll(low);
        healthy.addAll(open);
        return healthy;
    }
}
