package dev.switchboard.router.routing;

import static dev.switchboard.router.routing.Scripted.deployment;
import static dev.switchboard.router.routing.Scripted.info;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.chat.Sampling;
import dev.switchboard.contracts.chat.ToolSpec;
import dev.switchboard.contracts.config.RoutePolicy;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.Capabilities;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class StrategiesTest {

    private final Scripted.MutableClock clock = new Scripted.MutableClock();
    private final Health health = new Health(clock, 3, Duration.ofSeconds(30));
    private final LatencyBook latency = new LatencyBook(clock, Duration.ofMinutes(5));
    private final Scripted.Adapter adapter = new Scripted.Adapter(Capabilities.ALL);

    private static final ChatRequest HELLO = ChatRequest.of("m", List.of(Message.of(Role.USER, "hello")));

    private static Route route(RoutePolicy.Strategy strategy, Deployment... deployments) {
        var policy = new RoutePolicy(strategy, RoutePolicy.Retry.DEFAULT, RoutePolicy.Timeouts.DEFAULT, 2, List.of(), null);
        return new Route("r", List.of(deployments), Set.of(ErrorCategory.UPSTREAM_UNAVAILABLE), policy);
    }

    private Plan plan(Route route, ChatRequest request, RandomGenerator random) {
        var planner = new Planner(health, latency, random, 0.0);
        return planner.plan(route, CallContext.of("key", null, Map.of(), request), true, name -> null);
    }

    private static List<String> ids(Plan plan) {
        return plan.order().stream().map(d -> d.target().provider()).toList();
    }

    @Test
    void weightedLeadsInProportionToWeightsWithASeededRandom() {
        var route = route(RoutePolicy.Strategy.WEIGHTED, deployment("a", adapter, 3, null),
                deployment("b", adapter, 1, null), deployment("never", adapter, 0, null));
        var random = new SplittableRandom(42);
        Map<String, Integer> firsts = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            Plan plan = plan(route, HELLO, random);
            firsts.merge(ids(plan).getFirst(), 1, Integer::sum);
            assertThat(ids(plan).getLast()).as("weight 0 is only a fallback").isEqualTo("never");
        }
        assertThat(firsts.get("a")).isBetween(2880, 3120);
        assertThat(firsts.get("b")).isBetween(880, 1120);
    }

    @Test
    void cheapestOrdersByExpectedCostAndPutsUnknownPricesLast() {
        var route = route(RoutePolicy.Strategy.CHEAPEST,
                deployment("unknown", adapter, 1, null),
                deployment("pricey", adapter, 1, info("pricey", "5", "15", 128_000, true)),
                deployment("cheap-in", adapter, 1, info("cheap-in", "0.1", "40", 128_000, true)),
                deployment("balanced", adapter, 1, info("balanced", "1", "2", 128_000, true)));

        var shortAnswer = new ChatRequest("m", List.of(Message.of(Role.USER, "x".repeat(40_000))), List.of(),
                Sampling.DEFAULT.withMaxOutputTokens(10), ChatRequest.Options.DEFAULT);
        assertThat(ids(plan(route, shortAnswer, new SplittableRandom(1))))
                .as("10k input, 10 output: input price dominates").containsExactly("cheap-in", "balanced", "pricey", "unknown");
        var longAnswer = new ChatRequest("m", List.of(Message.of(Role.USER, "hi")), List.of(),
                Sampling.DEFAULT.withMaxOutputTokens(4000), ChatRequest.Options.DEFAULT);
        assertThat(ids(plan(route, longAnswer, new SplittableRandom(1))))
                .as("tiny input, 4000 output: output price dominates").containsExactly("balanced", "pricey", "cheap-in", "unknown");
    }

    @Test
    void deploymentsThatCannotServeTheRequestGoLast() {
        var noTools = deployment("no-tools", adapter, 1, info("no-tools", "0.01", "0.01", 128_000, false));
        var small = deployment("small", adapter, 1, info("small", "0.02", "0.02", 1_000, true));
        var able = deployment("able", adapter, 1, info("able", "1", "1", 128_000, true));
        var route = route(RoutePolicy.Strategy.CHEAPEST, noTools, small, able);
        var withTools = new ChatRequest("m", List.of(Message.of(Role.USER, "y".repeat(8_000))),
                List.of(new ToolSpec("f", null, null, false)), Sampling.DEFAULT, ChatRequest.Options.DEFAULT);

        assertThat(ids(plan(route, withTools, new SplittableRandom(1)))).containsExactly("able", "no-tools", "small");
    }

    @Test
    void fastestUsesRecentLatencyTriesUnmeasuredFirstAndForgetsStaleSamples() {
        var route = route(RoutePolicy.Strategy.FASTEST, deployment("slow", adapter, 1, null),
                deployment("fast", adapter, 1, null), deployment("new", adapter, 1, null));
        latency.record("slow/slow-model", true, Duration.ofMillis(900));
        latency.record("fast/fast-model", true, Duration.ofMillis(120));

        assertThat(ids(plan(route, HELLO, new SplittableRandom(1)))).containsExactly("new", "fast", "slow");
        latency.record("new/new-model", true, Duration.ofMillis(500));
        assertThat(ids(plan(route, HELLO, new SplittableRandom(1)))).containsExactly("fast", "new", "slow");

        clock.advance(Duration.ofMinutes(6));
        latency.record("fast/fast-model", true, Duration.ofMillis(2000));
        assertThat(ids(plan(route, HELLO, new SplittableRandom(1))).getFirst())
                .as("stale samples count as unmeasured").isIn("slow", "new");
    }

    @Test
    void fastestExploresAnotherDeploymentNowAndThen() {
        var route = route(RoutePolicy.Strategy.FASTEST, deployment("slow", adapter, 1, null),
                deployment("fast", adapter, 1, null));
        latency.record("slow/slow-model", true, Duration.ofMillis(900));
        latency.record("fast/fast-model", true, Duration.ofMillis(100));
        RandomGenerator alwaysExplore = () -> 0L;   // nextDouble() = 0.0 < exploration
        var planner = new Planner(health, latency, alwaysExplore, 0.05);

        Plan plan = planner.plan(route, CallContext.of("key", null, Map.of(), HELLO), true, name -> null);
        assertThat(ids(plan)).containsExactly("slow", "fast");
    }

    @Test
    void openCircuitsAndNearlyExhaustedRateLimitsGoLast() {
        var route = route(RoutePolicy.Strategy.FIXED, deployment("broken", adapter, 1, null),
                deployment("busy", adapter, 1, null), deployment("fine", adapter, 1, null));
        var unavailable = new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, "down");
        for (int i = 0; i < 3; i++) {
            health.failed("broken/broken-model", unavailable);
        }
        health.observed("busy/busy-model", 0.05);

        assertThat(ids(plan(route, HELLO, new SplittableRandom(1)))).containsExactly("fine", "busy", "broken");
        assertThat(health.tryAcquire("broken/broken-model")).isFalse();

        clock.advance(Duration.ofSeconds(31));
        assertThat(health.tryAcquire("broken/broken-model")).as("one probe after the cool-down").isTrue();
        assertThat(health.tryAcquire("broken/broken-model")).as("only one").isFalse();
        health.succeeded("broken/broken-model");
        assertThat(ids(plan(route, HELLO, new SplittableRandom(1)))).containsExactly("broken", "fine", "busy");
    }

    @Test
    void aRateLimitWithRetryAfterCoolsTheDeploymentDownUntilThen() {
        health.failed("a/a-model", new GatewayException(ErrorCategory.RATE_LIMITED, "slow down",
                GatewayException.Origin.upstream("a", 429, Duration.ofSeconds(10))));
        assertThat(health.available("a/a-model")).isFalse();
        clock.advance(Duration.ofSeconds(11));
        assertThat(health.available("a/a-model")).isTrue();
    }

    @Test
    void rulesChooseAnotherRouteByTaskMetadataKeySizeAndTools() {
        var code = route(RoutePolicy.Strategy.FIXED, deployment("coder", adapter, 1, null));
        var cheap = route(RoutePolicy.Strategy.FIXED, deployment("cheap", adapter, 1, null));
        var big = route(RoutePolicy.Strategy.FIXED, deployment("big", adapter, 1, null));
        var fallback = route(RoutePolicy.Strategy.FIXED, deployment("default", adapter, 1, null));
        Map<String, Route> routes = Map.of("code", code, "cheap", cheap, "big", big, "fallback", fallback);
        var rules = List.of(
                new RoutePolicy.Rule(new RoutePolicy.Match("code", Map.of(), null, null, null, null, null), "code"),
                new RoutePolicy.Rule(new RoutePolicy.Match(null, Map.of("tier", "free"), null, null, null, null, null), "cheap"),
                new RoutePolicy.Rule(new RoutePolicy.Match(null, Map.of(), "batch", null, null, null, null), "cheap"),
                new RoutePolicy.Rule(new RoutePolicy.Match(null, Map.of(), null, 5_000L, null, null, null), "big"));
        var auto = new Route("auto", List.of(), Set.of(), new RoutePolicy(RoutePolicy.Strategy.RULES,
                RoutePolicy.Retry.DEFAULT, RoutePolicy.Timeouts.DEFAULT, 2, rules, "fallback"));
        var planner = new Planner(health, latency, new SplittableRandom(1), 0);

        assertThat(served(planner, auto, routes, "key", "code", Map.of(), HELLO)).isEqualTo("coder");
        assertThat(served(planner, auto, routes, "key", null, Map.of("tier", "free"), HELLO)).isEqualTo("cheap");
        assertThat(served(planner, auto, routes, "batch", null, Map.of(), HELLO)).isEqualTo("cheap");
        var large = ChatRequest.of("auto", List.of(Message.of(Role.USER, "z".repeat(30_000))));
        assertThat(served(planner, auto, routes, "key", null, Map.of(), large)).isEqualTo("big");
        assertThat(served(planner, auto, routes, "key", "chat", Map.of("tier", "pro"), HELLO)).isEqualTo("default");
    }

    private static String served(Planner planner, Route auto, Map<String, Route> routes, String key, String task,
                                 Map<String, String> metadata, ChatRequest request) {
        Plan plan = planner.plan(auto, CallContext.of(key, task, metadata, request), false, routes::get);
        return plan.order().getFirst().target().provider();
    }
}
