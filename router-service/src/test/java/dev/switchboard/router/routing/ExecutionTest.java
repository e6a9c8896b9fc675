package dev.switchboard.router.routing;

import static dev.switchboard.router.routing.Scripted.deployment;
import static dev.switchboard.router.routing.Scripted.info;
import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatEvents;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.Message;
import dev.switchboard.contracts.chat.Role;
import dev.switchboard.contracts.config.RoutePolicy;
import dev.switchboard.contracts.error.ErrorCategory;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.Capabilities;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ExecutionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ChatRequest HELLO = ChatRequest.of("m", List.of(Message.of(Role.USER, "hello")));

    private final Health health = new Health(Clock.systemUTC(), 3, Duration.ofSeconds(30));
    private final FallbackChain chain = new FallbackChain(health, new LatencyBook(Clock.systemUTC(), Duration.ofMinutes(5)),
            Clock.systemUTC(), new SplittableRandom(7));
    private final Scripted.Adapter a = new Scripted.Adapter(Capabilities.ALL);
    private final Scripted.Adapter b = new Scripted.Adapter(Capabilities.ALL);
    private final Attempts attempts = new Attempts();

    private static Plan plan(RoutePolicy policy, Deployment... order) {
        var route = new Route("r", List.of(order), EnumSet.of(ErrorCategory.RATE_LIMITED,
                ErrorCategory.UPSTREAM_UNAVAILABLE, ErrorCategory.UPSTREAM_TIMEOUT, ErrorCategory.CONTEXT_LENGTH_EXCEEDED),
                policy);
        return new Plan(route, List.of(order));
    }

    private static RoutePolicy policy(RoutePolicy.Strategy strategy, int attempts, Duration maxWait,
                                      RoutePolicy.Timeouts timeouts) {
        return new RoutePolicy(strategy, new RoutePolicy.Retry(attempts, Duration.ofMillis(20), Duration.ofMillis(40),
                maxWait), timeouts, 2, List.of(), null);
    }

    private static final RoutePolicy RETRY_ONCE = policy(RoutePolicy.Strategy.FIXED, 2, Duration.ofSeconds(1),
            RoutePolicy.Timeouts.DEFAULT);

    private String servedText(Plan plan) {
        List<ChatEvent> events = chain.stream(HELLO, plan, attempts).collectList().block(WAIT);
        return ChatEvents.collect(events).text();
    }

    @Test
    void aShortRetryAfterIsWaitedForAndTheSameDeploymentRetried() {
        a.then(Scripted.fails(ErrorCategory.RATE_LIMITED, Duration.ofMillis(150))).then(Scripted.answers("a"));
        long start = System.nanoTime();

        assertThat(servedText(plan(RETRY_ONCE, deployment("a", a, 1, null), deployment("b", b, 1, null))))
                .isEqualTo("from a");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(b.calls).isEmpty();
        assertThat(attempts.all()).extracting(Attempt::outcome)
                .containsExactly(Attempt.Outcome.FAILED, Attempt.Outcome.SUCCEEDED);
        assertThat(attempts.all().getFirst().category()).isEqualTo(ErrorCategory.RATE_LIMITED);
    }

    @Test
    void aRetryAfterLongerThanTheRouteWaitsFallsBackAtOnce() {
        a.then(Scripted.fails(ErrorCategory.RATE_LIMITED, Duration.ofSeconds(30)));
        long start = System.nanoTime();

        assertThat(servedText(plan(RETRY_ONCE, deployment("a", a, 1, null), deployment("b", b, 1, null))))
                .isEqualTo("from b");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(a.calls).hasSize(1);
        assertThat(health.available("a/a-model")).as("cooled down until its retry-after").isFalse();
    }

    @Test
    void withoutFallbackALongRetryAfterFailsFastWithIt() {
        a.then(Scripted.fails(ErrorCategory.RATE_LIMITED, Duration.ofSeconds(30)));
        StepVerifier.create(chain.stream(HELLO, plan(RETRY_ONCE, deployment("a", a, 1, null)), attempts))
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).retryAfter()).isEqualTo(Duration.ofSeconds(30)))
                .verify(Duration.ofSeconds(2));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffThenFallBack() {
        a.then(Scripted.fails(ErrorCategory.UPSTREAM_UNAVAILABLE, null));
        assertThat(servedText(plan(policy(RoutePolicy.Strategy.FIXED, 3, Duration.ofSeconds(1), RoutePolicy.Timeouts.DEFAULT),
                deployment("a", a, 1, null), deployment("b", b, 1, null)))).isEqualTo("from b");
        assertThat(a.calls).hasSize(3);
        assertThat(attempts.started()).isEqualTo(4);
    }

    @Test
    void aSlowFirstTokenMovesOnEvenThoughHeadersArrived() {
        a.then(Scripted.stallsAfterStart("a"));
        var timeouts = new RoutePolicy.Timeouts(Duration.ofSeconds(10), Duration.ofMillis(200), null);

        assertThat(servedText(plan(policy(RoutePolicy.Strategy.FIXED, 1, Duration.ofSeconds(1), timeouts),
                deployment("a", a, 1, null), deployment("b", b, 1, null)))).isEqualTo("from b");
        assertThat(a.cancels).as("the stalled upstream call is closed").hasValue(1);
        assertThat(attempts.all().getFirst().category()).isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT);
    }

    @Test
    void aStreamIsNeverSwitchedAfterOutput() {
        a.then(Scripted.failsAfterOutput("a"));
        StepVerifier.create(chain.stream(HELLO, plan(RETRY_ONCE, deployment("a", a, 1, null), deployment("b", b, 1, null)),
                        attempts))
                .expectNextMatches(e -> e instanceof ChatEvent.Started)
                .expectNext(new ChatEvent.TextDelta("partial"))
                .expectErrorMatches(e -> ((GatewayException) e).category() == ErrorCategory.UPSTREAM_UNAVAILABLE)
                .verify(WAIT);
        assertThat(b.calls).isEmpty();
    }

    @Test
    void theRouteDeadlineEndsARequestThatTakesTooLong() {
        a.then(() -> reactor.core.publisher.Flux.never());
        var timeouts = new RoutePolicy.Timeouts(Duration.ofMillis(300), null, null);
        long start = System.nanoTime();
        StepVerifier.create(chain.stream(HELLO, plan(policy(RoutePolicy.Strategy.FIXED, 1, Duration.ofSeconds(1), timeouts),
                        deployment("a", a, 1, null)), attempts))
                .expectErrorSatisfies(e -> assertThat(((GatewayException) e).category()).isEqualTo(ErrorCategory.UPSTREAM_TIMEOUT))
                .verify(WAIT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(a.cancels).hasValue(1);
    }

    @Test
    void aContextOverflowSkipsToADeploymentWithALargerWindow() {
        a.then(Scripted.fails(ErrorCategory.CONTEXT_LENGTH_EXCEEDED, null));
        var sameSize = new Scripted.Adapter(Capabilities.ALL);
        var plan = plan(RETRY_ONCE, deployment("a", a, 1, info("a", "1", "1", 8_000, true)),
                deployment("same", sameSize, 1, info("same", "1", "1", 8_000, true)),
                deployment("b", b, 1, info("b", "1", "1", 200_000, true)));

        assertThat(servedText(plan)).isEqualTo("from b");
        assertThat(sameSize.calls).isEmpty();
        assertThat(a.calls).as("not retryable").hasSize(1);
    }

    @Test
    void aFailureThatOpensTheCircuitIsNotRetriedOnThatDeployment() {
        health.failed("a/a-model", new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, "down"));
        health.failed("a/a-model", new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, "down"));
        a.then(Scripted.fails(ErrorCategory.UPSTREAM_UNAVAILABLE, null));

        assertThat(servedText(plan(RETRY_ONCE, deployment("a", a, 1, null), deployment("b", b, 1, null))))
                .isEqualTo("from b");
        assertThat(a.calls).as("the third failure opened the circuit: no retry there").hasSize(1);
    }

    @Test
    void anOpenCircuitIsSkippedWhileAnotherDeploymentCanServe() {
        for (int i = 0; i < 3; i++) {
            health.failed("a/a-model", new GatewayException(ErrorCategory.UPSTREAM_UNAVAILABLE, "down"));
        }
        assertThat(servedText(plan(RETRY_ONCE, deployment("a", a, 1, null), deployment("b", b, 1, null))))
                .isEqualTo("from b");
        assertThat(a.calls).isEmpty();
    }

    @Test
    void aRaceKeepsTheFirstToAnswerAndCancelsTheOther() {
        a.then(Scripted.answersAfter("a", Duration.ofMillis(400)));
        b.then(Scripted.answersAfter("b", Duration.ofMillis(30)));
        var plan = plan(policy(RoutePolicy.Strategy.RACE, 1, Duration.ofSeconds(1), RoutePolicy.Timeouts.DEFAULT),
                deployment("a", a, 1, null), deployment("b", b, 1, null));

        assertThat(servedText(plan)).isEqualTo("from b");
        assertThat(a.cancels).hasValue(1);
        assertThat(attempts.all()).extracting(x -> x.provider() + ":" + x.outcome())
                .containsExactlyInAnyOrder("a:CANCELLED", "b:SUCCEEDED");
        assertThat(attempts.started()).isEqualTo(2);
    }

    @Test
    void aRaceWhoseRunnersAllFailFallsBackToTheRest() {
        a.then(Scripted.fails(ErrorCategory.UPSTREAM_UNAVAILABLE, null));
        var c = new Scripted.Adapter(Capabilities.ALL).then(Scripted.answers("c"));
        b.then(Scripted.fails(ErrorCategory.UPSTREAM_UNAVAILABLE, null));
        var plan = plan(policy(RoutePolicy.Strategy.RACE, 1, Duration.ofSeconds(1), RoutePolicy.Timeouts.DEFAULT),
                deployment("a", a, 1, null), deployment("b", b, 1, null), deployment("c", c, 1, null));

        assertThat(servedText(plan)).isEqualTo("from c");
    }

    @Test
    void attemptsCarryUsageAndFirstTokenTime() {
        a.then(Scripted.answersAfter("a", Duration.ofMillis(50)));
        servedText(plan(RETRY_ONCE, deployment("a", a, 1, null)));
        Attempt attempt = attempts.all().getFirst();
        assertThat(attempt.outcome()).isEqualTo(Attempt.Outcome.SUCCEEDED);
        assertThat(attempt.usage()).isNotNull();
        assertThat(attempt.usage().input()).isEqualTo(10);
        assertThat(attempt.firstTokenMillis()).isGreaterThanOrEqualTo(40);
        assertThat(attempt.latencyMillis()).isGreaterThanOrEqualTo(attempt.firstTokenMillis());
    }
}
