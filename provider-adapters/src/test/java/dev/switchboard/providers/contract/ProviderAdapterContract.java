package dev.switchboard.providers.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatEvents;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.error.GatewayException;
import dev.switchboard.providers.NonStreamingChat;
import dev.switchboard.providers.ProviderAdapter;
import dev.switchboard.providers.UpstreamTarget;
import dev.switchboard.providers.http.UpstreamClient;
import dev.switchboard.testkit.Delivery;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.Fixture;
import dev.switchboard.testkit.Fixtures;
import dev.switchboard.testkit.JsonAssert;
import dev.switchboard.testkit.RecordedRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import reactor.core.publisher.Signal;
import reactor.netty.resources.ConnectionProvider;
import reactor.test.StepVerifier;

/**
 * Replays every golden transcript of one provider (fixtures/&lt;kind&gt;/&lt;scenario&gt;/) through its adapter against
 * {@link FakeUpstream}, delivered verbatim, re-chunked at random byte boundaries and dripped line by line. Checks
 * the upstream request (path, auth, JSON body with key order ignored), the events or the error category, that
 * chunking never changes the output (every mode must match the same golden file), that cancelling mid-stream
 * closes the upstream connection, and that an upstream cut mid-stream fails with UPSTREAM_UNAVAILABLE.
 *
 * <p>When the adapter is a {@link NonStreamingChat} and fixtures-json/&lt;kind&gt;/ exists, it also replays those
 * through {@code complete}: one {@code stream:false} request, then the whole response or the error; and every
 * non-streaming scenario named like a streamed one with events (its twin) must equal that stream collected.
 */
public abstract class ProviderAdapterContract {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final List<Delivery> MODES = List.of(new Delivery.Verbatim(), new Delivery.Rechunked(1),
            new Delivery.Rechunked(7), new Delivery.Rechunked(42));
    private static final int SMALL_FIXTURE = 2_500;

    private final ConnectionProvider connections = ConnectionProvider.create("contract-test", 16);
    private final UpstreamClient http = new UpstreamClient(UpstreamClient.defaultHttpClient(connections));

    /** The adapter under test, built on the given client. */
    protected abstract ProviderAdapter adapter(UpstreamClient http);

    /** The fixture folder name, also the adapter's kind and the provider name in events. */
    protected abstract String fixtures();

    /** Settings the target carries (dialect overrides for openai-compatible). */
    protected Map<String, String> settings() {
        return Map.of();
    }

    @AfterEach
    void disposeConnections() {
        connections.dispose();
    }

    @Test
    void registersUnderItsKind() {
        assertThat(adapter(http).kind()).isEqualTo(fixtures());
    }

    @TestFactory
    Stream<DynamicTest> replaysEveryFixtureInEveryDeliveryMode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Fixture fixture : Fixtures.load(fixtures())) {
            List<Delivery> modes = new ArrayList<>(MODES);
            if (fixture.upstreamResponse().body().length < SMALL_FIXTURE) {
                modes.add(new Delivery.SlowDrip(Duration.ofMillis(1)));
            }
            for (Delivery mode : modes) {
                tests.add(DynamicTest.dynamicTest(fixture.scenario() + " " + mode, () -> replay(fixture, mode)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> cancellingMidStreamClosesTheUpstreamConnection() {
        return streamingFixtures().map(fixture -> DynamicTest.dynamicTest(fixture.scenario(), () -> {
            try (var upstream = new FakeUpstream()) {
                upstream.respond(fixture.upstreamResponse()).slowDrip(Duration.ofMillis(30));
                List<ChatEvent> firstTwo = adapter(http).stream(fixture.request(), target(upstream, fixture))
                        .take(2).collectList().block(WAIT);
                assertThat(firstTwo).hasSize(2).first().isInstanceOf(ChatEvent.Started.class);
                assertThat(upstream.awaitClientDisconnect(Duration.ofSeconds(5)))
                        .as("the upstream saw the client close the connection").isTrue();
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> anUpstreamCutMidStreamFailsAsUnavailable() {
        return streamingFixtures().map(fixture -> DynamicTest.dynamicTest(fixture.scenario(), () -> {
            try (var upstream = new FakeUpstream()) {
                int half = fixture.upstreamResponse().body().length / 2;
                upstream.respond(fixture.upstreamResponse()).disconnectAfter(half);
                StepVerifier.create(adapter(http).stream(fixture.request(), target(upstream, fixture)))
                        .thenConsumeWhile(event -> !(event instanceof ChatEvent.Finished))
                        .expectErrorSatisfies(e -> assertThat(e).isInstanceOfSatisfying(GatewayException.class,
                                g -> assertThat(g.category()).hasToString("UPSTREAM_UNAVAILABLE")))
                        .verify(WAIT);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> answersEveryNonStreamingFixtureWithOneWholeCall() {
        return nonStreamingFixtures().flatMap(fixture -> Stream.of(new Delivery.Verbatim(), new Delivery.Rechunked(7))
                .map(mode -> DynamicTest.dynamicTest(fixture.scenario() + " " + mode, () -> complete(fixture, mode))));
    }

    @TestFactory
    Stream<DynamicTest> aCollectedStreamEqualsTheWholeResponseOfItsTwin() {
        List<String> streamed = Fixtures.load(fixtures()).stream()
                .filter(f -> f.expected() instanceof Fixture.Expected.Events).map(Fixture::scenario).toList();
        return nonStreamingFixtures()
                .filter(f -> f.expected() instanceof Fixture.Expected.Response && streamed.contains(f.scenario()))
                .map(whole -> DynamicTest.dynamicTest(whole.scenario(), () -> {
                    Fixture twin = Fixtures.load(fixtures(), whole.scenario());
                    ChatResponse collected;
                    ChatResponse answered;
                    try (var upstream = new FakeUpstream()) {
                        upstream.respond(twin.upstreamResponse()).respond(whole.upstreamResponse());
                        collected = ChatEvents.collect(adapter(http).stream(twin.request(), target(upstream, twin))
                                .collectList().block(WAIT));
                        answered = ((NonStreamingChat) adapter(http)).complete(whole.request(), target(upstream, whole))
                                .block(WAIT);
                    }
                    assertThat(answered).as("whole answer of %s vs its twin streamed and collected", whole)
                            .isEqualTo(collected);
                }));
    }

    private Stream<Fixture> nonStreamingFixtures() {
        boolean present = Thread.currentThread().getContextClassLoader().getResource("fixtures-json/" + fixtures()) != null;
        if (!present || !(adapter(http) instanceof NonStreamingChat)) {
            return Stream.empty();
        }
        return Fixtures.loadNonStreaming(fixtures()).stream();
    }

    private void complete(Fixture fixture, Delivery mode) {
        try (var upstream = new FakeUpstream()) {
            upstream.respond(fixture.upstreamResponse()).deliver(mode);
            var adapter = (NonStreamingChat) adapter(http);
            Signal<ChatResponse> signal = adapter.complete(fixture.request(), target(upstream, fixture))
                    .materialize().block(WAIT);
            assertThat(signal).as("answer within %s", WAIT).isNotNull();
            assertThat(upstream.requests()).as("upstream calls for %s", fixture).hasSize(1);
            checkUpstreamRequest(fixture, upstream.lastRequest(), "application/json", false);
            switch (fixture.expected()) {
                case Fixture.Expected.Response(ChatResponse expected) -> {
                    assertThat(signal.getThrowable()).as("error of %s", fixture).isNull();
                    assertThat(signal.get()).as("response of %s in %s", fixture, mode).isEqualTo(expected);
                }
                case Fixture.Expected.Failure failure -> checkFailure(fixture, signal.getThrowable(), failure);
                case Fixture.Expected.Events events ->
                        throw new AssertionError(fixture + ": a non-streaming fixture expects a response or an error");
            }
        }
    }

    private Stream<Fixture> streamingFixtures() {
        return Fixtures.load(fixtures()).stream()
                .filter(f -> f.expected() instanceof Fixture.Expected.Events && f.upstreamResponse().isEventStream())
                .limit(2);
    }

    private void replay(Fixture fixture, Delivery mode) {
        try (var upstream = new FakeUpstream()) {
            upstream.respond(fixture.upstreamResponse()).deliver(mode);
            List<Signal<ChatEvent>> signals = adapter(http).stream(fixture.request(), target(upstream, fixture))
                    .materialize().collectList().block(WAIT);
            assertThat(signals).as("stream terminated within %s", WAIT).isNotNull();
            checkUpstreamRequest(fixture, upstream.lastRequest(), "text/event-stream", true);
            List<ChatEvent> events = signals.stream().filter(Signal::isOnNext).map(Signal::get).toList();
            Signal<ChatEvent> last = signals.getLast();
            switch (fixture.expected()) {
                case Fixture.Expected.Events(List<ChatEvent> expected) -> {
                    assertThat(last.getThrowable()).as("error of %s", fixture).isNull();
                    assertThat(events).as("events of %s in %s", fixture, mode).containsExactlyElementsOf(expected);
                }
                case Fixture.Expected.Response response ->
                        throw new AssertionError(fixture + ": a streamed fixture expects events or an error, not a response");
                case Fixture.Expected.Failure failure -> checkFailure(fixture, last.getThrowable(), failure);
            }
        }
    }

    private void checkFailure(Fixture fixture, Throwable failed, Fixture.Expected.Failure failure) {
        assertThat(failed).as("error of %s", fixture).isInstanceOf(GatewayException.class);
        var error = (GatewayException) failed;
        assertThat(error.category()).as("category of %s: %s", fixture, error.getMessage()).isEqualTo(failure.category());
        assertThat(error.retryAfter()).as("retryAfter of %s", fixture).isEqualTo(failure.retryAfter());
        assertThat(error.provider()).isEqualTo(fixtures());
        assertThat(error.getMessage()).startsWith(fixtures() + ": ").doesNotContain(apiKey());
    }

    /** The path (with query) the adapter must call, below the fake upstream's root. */
    protected String expectedTarget(Fixture fixture, boolean streaming) {
        return "/v1/chat/completions";
    }

    /** The base URL the target carries. */
    protected URI baseUrl(FakeUpstream upstream) {
        return URI.create(upstream.baseUrl() + "/v1");
    }

    /** Checks the credential (and any other protocol header) the adapter sent. */
    protected void checkAuthentication(RecordedRequest request, String apiKey) {
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + apiKey);
    }

    private void checkUpstreamRequest(Fixture fixture, RecordedRequest request, String accept, boolean streaming) {
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.target()).isEqualTo(expectedTarget(fixture, streaming));
        checkAuthentication(request, apiKey());
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(request.header("Accept")).isEqualTo(accept);
        JsonAssert.assertJsonEquals(fixture.upstreamRequestJson(), request.body());
    }

    private UpstreamTarget target(FakeUpstream upstream, Fixture fixture) {
        return new UpstreamTarget(fixtures(), fixture.request().model(), baseUrl(upstream), apiKey(), settings(),
                Duration.ofSeconds(5));
    }

    protected final String apiKey() {
        return "sk-test-" + fixtures();
    }
}
