package dev.switchboard.router.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.chat.FinishReason;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.ResolvedModel;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.config.ModelRoute;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.Capabilities;
import dev.switchboard.providers.NonStreamingChat;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class FallbackChainTest {

    private final List<String> called = new ArrayList<>();
    private final FallbackChain chain = new FallbackChain();
    private final ChatRequest request = ChatRequest.of("alias", List.of(Message.of(Role.USER, "hi")));

    private Deployment deployment(String provider, Function<UpstreamTarget, Flux<ChatEvent>> behaviour) {
        ProviderAdapter adapter = new ProviderAdapter() {
            public String kind() {
                return "fake";
            }

            public Capabilities capabilities() {
                return Capabilities.ALL;
            }

            public Flux<ChatEvent> stream(ChatRequest r, UpstreamTarget target) {
                called.add(target.provider() + ":" + r.model());
                return behaviour.apply(target);
            }
        };
        return new Deployment(adapter, new UpstreamTarget(provider, provider + "-model", null, null, Map.of(),
                Duration.ofSeconds(1)));
    }

    private static Flux<ChatEvent> answer(UpstreamTarget target) {
        return Flux.just(new ChatEvent.Started("r", new ResolvedModel(target.provider(), target.model())),
                new ChatEvent.TextDelta("ok"), new ChatEvent.Finished(FinishReason.STOP));
    }

    private static Flux<ChatEvent> fail(ErrorCategory category) {
        return Flux.error(new GatewayException(category, category.name()));
    }

    @Test
    void fallsBackWhenFirstTargetIsRateLimited() {
        var route = new Route("alias", List.of(deployment("a", t -> fail(ErrorCategory.RATE_LIMITED)),
                deployment("b", FallbackChainTest::answer)), Set.of(ErrorCategory.RATE_LIMITED));

        StepVerifier.create(chain.stream(request, route))
                .expectNextMatches(e -> e instanceof ChatEvent.Started s && s.model().provider().equals("b"))
                .expectNextCount(2).verifyComplete();
        assertThat(called).as("a retryable failure is retried once before falling back")
                .containsExactly("a:a-model", "a:a-model", "b:b-model");
    }

    @Test
    void doesNotFallBackOnCategoriesTheRouteDoesNotList() {
        var route = new Route("alias", List.of(deployment("a", t -> fail(ErrorCategory.INVALID_REQUEST)),
                deployment("b", FallbackChainTest::answer)), Set.of(ErrorCategory.RATE_LIMITED));

        StepVerifier.create(chain.stream(request, route))
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).category())
                        .isEqualTo(ErrorCategory.INVALID_REQUEST)).verify();
        assertThat(called).containsExactly("a:a-model");
    }

    @Test
    void neverSwitchesAStreamThatAlreadyProducedEvents() {
        var route = new Route("alias", List.of(
                deployment("a", t -> answer(t).take(2).concatWith(fail(ErrorCategory.UPSTREAM_UNAVAILABLE))),
                deployment("b", FallbackChainTest::answer)), Set.of(ErrorCategory.UPSTREAM_UNAVAILABLE));

        StepVerifier.create(chain.stream(request, route)).expectNextCount(2)
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).category())
                        .isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE)).verify();
        assertThat(called).containsExactly("a:a-model");
    }

    @Test
    void reportsTheLastFailureWhenEveryTargetFails() {
        var route = new Route("alias", List.of(deployment("a", t -> fail(ErrorCategory.UPSTREAM_TIMEOUT)),
                deployment("b", t -> fail(ErrorCategory.UPSTREAM_UNAVAILABLE))), ModelRouteDefaults.ALL);

        StepVerifier.create(chain.stream(request, route))
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).category())
                        .isEqualTo(ErrorCategory.UPSTREAM_UNAVAILABLE)).verify();
    }

    @Test
    void turnsUnexpectedExceptionsIntoInternalErrors() {
        var route = new Route("alias", List.of(deployment("a", t -> Flux.error(new NullPointerException("bug")))),
                ModelRouteDefaults.ALL);

        StepVerifier.create(chain.stream(request, route))
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).category()).isEqualTo(ErrorCategory.INTERNAL))
                .verify();
    }

    @Test
    void completesWithOneNonStreamingCallAndFallsBackBeforeIt() {
        var whole = new AtomicInteger();
        var streamingOnly = deployment("a", t -> fail(ErrorCategory.UPSTREAM_UNAVAILABLE));
        var nonStreaming = new Deployment(new WholeAnswers(whole), new UpstreamTarget("b", "b-model", null, null,
                Map.of(), Duration.ofSeconds(1)));
        var route = new Route("alias", List.of(streamingOnly, nonStreaming), ModelRouteDefaults.ALL);

        StepVerifier.create(chain.complete(request, route))
                .assertNext(response -> {
                    assertThat(response.model().provider()).isEqualTo("b");
                    assertThat(response.text()).isEqualTo("whole");
                }).verifyComplete();
        assertThat(called).containsExactly("a:a-model", "a:a-model");
        assertThat(whole).hasValue(1);
    }

    @Test
    void collectsTheStreamWhenTheAdapterCannotAnswerWhole() {
        var route = new Route("alias", List.of(deployment("a", FallbackChainTest::answer)), ModelRouteDefaults.ALL);
        StepVerifier.create(chain.complete(request, route))
                .assertNext(response -> assertThat(response.text()).isEqualTo("ok")).verifyComplete();
    }

    private record WholeAnswers(AtomicInteger calls)
            implements ProviderAdapter, NonStreamingChat {
        public String kind() {
            return "whole";
        }

        public Capabilities capabilities() {
            return Capabilities.ALL;
        }

        public Flux<ChatEvent> stream(ChatRequest r, UpstreamTarget target) {
            return Flux.error(new AssertionError("a non-streaming caller must not stream"));
        }

        public Mono<ChatResponse> complete(ChatRequest r,
                UpstreamTarget target) {
            calls.incrementAndGet();
            return Mono.just(new ChatResponse("r",
                    new ResolvedModel(target.provider(), r.model()), "whole", "", List.of(),
                    new ChatResponse.Outcome(FinishReason.STOP, null)));
        }
    }

    private static final class ModelRouteDefaults {
        static final Set<ErrorCategory> ALL = ModelRoute.DEFAULT_FALLBACK_ON;
    }
}
