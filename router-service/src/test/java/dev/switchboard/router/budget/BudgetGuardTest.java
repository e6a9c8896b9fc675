package dev.switchboard.router.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.catalog.Price;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.router.routing.Deployment;
import dev.switchboard.router.routing.Plan;
import dev.switchboard.router.routing.Route;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class BudgetGuardTest {

    /** USD per million tokens: input 1, output 2; at most 1,000 output tokens. */
    private static final ModelInfo CHEAP = info("cheap", "1", "2", 1_000);
    /** Input 3, output 15; the catalog does not know its output maximum. */
    private static final ModelInfo DEAR = info("dear", "3", "15", 0);

    private static final ToLongFunction<ModelInfo> CATALOG_CAP = info -> info.knowsMaxOutputTokens()
            ? info.maxOutputTokens() : BudgetGuard.DEFAULT_MAX_OUTPUT;

    @Test
    void pricesTheWorstCaseOnTheMostExpensivePricedDeployment() {
        Plan plan = plan(deployment("cheap", CHEAP), deployment("unpriced", null), deployment("dear", DEAR));

        // cheap: 100 × 1 + 1,000 × 2 = 2,100 µ$; dear: 100 × 3 + 4,096 × 15 = 61,740 µ$ (per million tokens → µ$)
        assertThat(BudgetGuard.worstCaseMicros(plan, 100, CATALOG_CAP)).isEqualTo(61_740);
        // the request's max tokens win over the catalog: dear 100 × 3 + 10 × 15 = 450
        assertThat(BudgetGuard.worstCaseMicros(plan, 100, info -> 10)).isEqualTo(450);
    }

    @Test
    void roundsTheWorstCaseUpAndTheActualCostHalfUp() {
        Plan plan = plan(deployment("mini", info("mini", "0.15", "0.60", 16_384)));

        assertThat(BudgetGuard.worstCaseMicros(plan, 1, info -> 0)).as("0.15 µ$ reserves 1 µ$").isEqualTo(1);
        assertThat(BudgetGuard.micros(new BigDecimal("0.0000015"), RoundingMode.HALF_UP)).isEqualTo(2);
        assertThat(BudgetGuard.micros(new BigDecimal("0.0000014"), RoundingMode.HALF_UP)).isEqualTo(1);
        assertThat(BudgetGuard.micros(null, RoundingMode.HALF_UP)).as("nothing priced settles 0").isZero();
    }

    @Test
    void aPlanWithoutAnyPriceReservesNothing() {
        assertThat(BudgetGuard.worstCaseMicros(plan(deployment("unpriced", null)), 1_000, CATALOG_CAP)).isEqualTo(-1);
    }

    private static ModelInfo info(String model, String input, String output, long maxOutput) {
        return new ModelInfo("openai", model, Price.of(new BigDecimal(input), new BigDecimal(output)), 128_000,
                maxOutput, true, true, true);
    }

    private static Plan plan(Deployment... deployments) {
        var route = new Route("chat", List.of(deployments), Set.of());
        return new Plan(route, route.deployments());
    }

    private static Deployment deployment(String model, @Nullable ModelInfo info) {
        var target = new UpstreamTarget("openai", model, null, null, Map.of(), Duration.ofSeconds(5));
        return new Deployment(new AnyKind(), target, 1, info);
    }

    /** Only the price matters here. */
    private static final class AnyKind implements ProviderAdapter {
        @Override
        public String kind() {
            return "openai";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(true, true, true, true, true, true);
        }

        @Override
        public Flux<ChatEvent> stream(ChatRequest request, UpstreamTarget target) {
            return Flux.empty();
        }
    }
}
