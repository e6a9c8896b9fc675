package dev.switchboard.router.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.catalog.ModelCatalog;
import dev.switchboard.contracts.catalog.ModelInfo;
import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.router.routing.Attempt;
import dev.switchboard.router.routing.Attempts;
import dev.switchboard.router.routing.Deployment;
import dev.switchboard.router.routing.Plan;
import dev.switchboard.router.routing.Route;
import dev.switchboard.router.routing.Routing;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

class CompletionResultsTest {

    private static final TokenUsage USAGE = new TokenUsage(2_000, 500, 1_000, 0, 0);
    private static final ModelInfo MINI = ModelCatalog.builtIn().find("openai", "gpt-4o-mini").orElseThrow();

    @Test
    void pricesTheUsageWithTheServedDeploymentsCatalogEntry() {
        var call = call(deployment("backup", "other-model", null), deployment("primary", "gpt-4o-mini", MINI));

        assertThat(CompletionResults.cost(call, new ResolvedModel("primary", "gpt-4o-mini"), USAGE))
                .isEqualByComparingTo(MINI.price().cost(USAGE))
                .isPositive();
    }

    @Test
    void looksUpTheModelTheProviderReportedWhenTheDeploymentHasNoCatalogEntry() {
        var call = call(deployment("primary", "my-mini", null));

        assertThat(CompletionResults.cost(call, new ResolvedModel("primary", "gpt-4o-mini-2024-07-18"), USAGE))
                .isEqualByComparingTo(MINI.price().cost(USAGE));
    }

    @Test
    void theTotalAddsWhatARaceLoserUsedButNeverTheServedAttemptTwice() {
        var call = call(deployment("fast", "gpt-4o-mini", MINI), deployment("slow", "gpt-4o-mini", MINI));
        var loserUsage = new TokenUsage(2_000, 20, 0, 0, 0);
        call.attempts().add(new Attempt("slow", "gpt-4o-mini", Attempt.Outcome.CANCELLED, 0, null, 90, 80, loserUsage));
        call.attempts().add(new Attempt("fast", "gpt-4o-mini", Attempt.Outcome.SUCCEEDED, 0, null, 60, 20, USAGE));

        assertThat(CompletionResults.totalCost(call, new ResolvedModel("fast", "gpt-4o-mini"), USAGE))
                .isEqualByComparingTo(MINI.price().cost(USAGE).add(MINI.price().cost(loserUsage)));
        var alone = call(deployment("fast", "gpt-4o-mini", MINI));
        alone.attempts().add(new Attempt("fast", "gpt-4o-mini", Attempt.Outcome.SUCCEEDED, 0, null, 60, 20, USAGE));
        assertThat(CompletionResults.totalCost(alone, new ResolvedModel("fast", "gpt-4o-mini"), USAGE))
                .isEqualByComparingTo(MINI.price().cost(USAGE));
    }

    @Test
    void noPriceWithoutUsageOrAKnownModel() {
        var call = call(deployment("primary", "unknown-model", null));

        assertThat(CompletionResults.cost(call, new ResolvedModel("primary", "unknown-model"), USAGE)).isNull();
        assertThat(CompletionResults.cost(call, new ResolvedModel("primary", "gpt-4o-mini"), null)).isNull();
        assertThat(CompletionResults.cost(call, new ResolvedModel("elsewhere", "gpt-4o-mini"), USAGE)).isNull();
    }

    private static Routing.Call call(Deployment... deployments) {
        var route = new Route("chat", List.of(deployments), Set.of());
        return new Routing.Call(new Plan(route, route.deployments()), new Attempts());
    }

    private static Deployment deployment(String provider, String model, ModelInfo info) {
        var target = new UpstreamTarget(provider, model, null, null, Map.of(), Duration.ofSeconds(5));
        return new Deployment(new OpenAiKind(), target, 1, info);
    }

    /** Only the kind matters here. */
    private static final class OpenAiKind implements ProviderAdapter {
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
