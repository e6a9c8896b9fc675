package dev.switchboard.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.Headers;
import com.openai.errors.BadRequestException;
import com.openai.errors.OpenAIException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testkit.FakeUpstream;
import dev.switchboard.testkit.RawResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The routing engine against faulty OpenAI-protocol upstreams: each fault of the first provider of a two-target
 * route is retried on it and/or falls back to the second, as the route's policy says, and the official SDK sees a
 * successful answer (or exactly the error it should). Every route has its own two provider names, so the circuit
 * breakers of one test never affect another; the two {@link FakeUpstream}s are shared and reset before each test.
 */
class RoutingFaultsSystemTest {

    @RegisterExtension
    static final FakeUpstream first = new FakeUpstream();

    @RegisterExtension
    static final FakeUpstream second = new FakeUpstream();

    /** Accepts a connection, reads the request head and resets the connection without answering a byte. */
    static ResettingServer resetting;
    static int closedPort;
    static RunningSwitchboard switchboard;
    static OpenAIClient sdk;

    /** A fault of the first provider after which a retry and then the second provider are expected. */
    enum Fault {
        HTTP_500, HTTP_503, HTTP_529, RATE_LIMITED_WITHOUT_RETRY_AFTER, CONNECT_REFUSED, READ_TIMEOUT,
        RESET_BEFORE_FIRST_BYTE, CLOSED_AFTER_HEADERS;

        String route(boolean stream) {
            return name().toLowerCase().replace("_", "") + (stream ? "s" : "p");
        }
    }

    @BeforeAll
    static void start() throws IOException {
        resetting = new ResettingServer();
        try (var probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        var yaml = new Yaml();
        for (Fault fault : Fault.values()) {
            for (boolean stream : new boolean[] {false, true}) {
                String base = switch (fault) {
                    case CONNECT_REFUSED -> "http://127.0.0.1:" + closedPort;
                    case RESET_BEFORE_FIRST_BYTE -> resetting.baseUrl();
                    default -> first.baseUrl();
                };
                yaml.twoTargets(fault.route(stream), base, fault == Fault.READ_TIMEOUT ? "300ms" : "5s", "");
            }
        }
        yaml.twoTargets("ra1", first.baseUrl(), "5s", "");
        yaml.twoTargets("ra30", first.baseUrl(), "5s", "");
        yaml.twoTargets("badrequest", first.baseUrl(), "5s", "");
        yaml.twoTargets("cutstream", first.baseUrl(), "5s", "");
        yaml.twoTargets("cutjson", first.baseUrl(), "5s", "");
        yaml.twoTargets("slowtoken", first.baseUrl(), "5s", "timeouts: { first-token: 400ms }");
        yaml.twoTargets("sdkonly", first.baseUrl(), "5s", "");
        yaml.provider("generalp", first.baseUrl(), "5s").provider("coderp", second.baseUrl(), "5s");
        yaml.model("general", "targets: [ generalp/gpt-4o ]").model("coder", "targets: [ coderp/gpt-4o ]")
                .model("auto", "strategy: rules, rules: [ { when: { task: code }, route: coder } ], default: general");
        switchboard = RunningSwitchboard.start(yaml.toString(),
                Map.of("FIRST_KEY", "sk-first", "SECOND_KEY", "sk-second"));
        sdk = OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1")
                .apiKey(RunningSwitchboard.ADMIN_KEY).maxRetries(0).build();
        // warm up both paths, so the timings below measure routing rather than the first call's class loading
        first.respond(ok("warm", false)).respond(ok("warm", true));
        ask("general", false);
        ask("general", true);
    }

    @AfterAll
    static void stop() {
        if (switchboard != null) {
            switchboard.close();
        }
        if (resetting != null) {
            resetting.close();
        }
    }

    static List<Arguments> faults() {
        List<Arguments> all = new ArrayList<>();
        for (Fault fault : Fault.values()) {
            all.add(Arguments.of(fault, false));
            all.add(Arguments.of(fault, true));
        }
        return all;
    }

    @ParameterizedTest(name = "{0}, stream={1}")
    @MethodSource("faults")
    void aRetryableFaultIsRetriedOnceThenTheSecondProviderAnswers(Fault fault, boolean stream) {
        String route = fault.route(stream);
        switch (fault) {
            case HTTP_500 -> first.respondByDefault(error(500, "server_error", "boom"));
            case HTTP_503 -> first.respondByDefault(error(503, "server_error", "unavailable"));
            case HTTP_529 -> first.respondByDefault(error(529, "overloaded_error", "Overloaded"));
            case RATE_LIMITED_WITHOUT_RETRY_AFTER -> first.respondByDefault(error(429, "rate_limit_exceeded",
                    "Rate limit reached for requests"));
            case READ_TIMEOUT -> first.respondByDefault(ok("too late", stream)).stallHeaders(Duration.ofSeconds(2));
            case CLOSED_AFTER_HEADERS -> first.respondByDefault(ok("never sent", stream)).disconnectAfter(0);
            case CONNECT_REFUSED, RESET_BEFORE_FIRST_BYTE -> { }
        }
        second.respond(ok("from second", stream));
        int resetsBefore = resetting.connections.get();

        Answer answer = ask(route, stream);

        assertThat(answer.text()).isEqualTo("from second");
        assertThat(answer.provider()).isEqualTo(route + "b");
        assertThat(answer.route()).isEqualTo(route);
        assertThat(answer.attempts()).as("two attempts on the first provider, one on the second").isEqualTo(3);
        int firstSaw = switch (fault) {
            case CONNECT_REFUSED -> 0;
            case RESET_BEFORE_FIRST_BYTE -> resetting.connections.get() - resetsBefore;
            default -> first.requests().size();
        };
        assertThat(firstSaw).isEqualTo(fault == Fault.CONNECT_REFUSED ? 0 : 2);
        assertThat(second.requests()).hasSize(1);
        assertThat(second.lastRequest().header("authorization")).isEqualTo("Bearer sk-second");
        assertThat(second.lastRequest().body()).contains("\"stream\":" + stream);
        assertThat(answer.took()).as("one short backoff, no long waits").isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aRateLimitWithAShortRetryAfterIsRetriedOnTheSameProviderAfterThatWait() {
        first.respond(rateLimited("1")).respond(ok("from first", false));
        second.respondByDefault(ok("from second", false));

        Answer answer = ask("ra1", false);

        assertThat(answer.text()).isEqualTo("from first");
        assertThat(answer.provider()).isEqualTo("ra1a");
        assertThat(answer.attempts()).isEqualTo(2);
        assertThat(first.requests()).hasSize(2);
        assertThat(second.requests()).isEmpty();
        assertThat(answer.took()).as("waited for retry-after: 1").isGreaterThanOrEqualTo(Duration.ofMillis(950))
                .isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aRateLimitWithALongRetryAfterFallsBackAtOnce() {
        first.respondByDefault(rateLimited("30"));
        second.respond(ok("from second", true));

        Answer answer = ask("ra30", true);

        assertThat(answer.text()).isEqualTo("from second");
        assertThat(answer.provider()).isEqualTo("ra30b");
        assertThat(answer.attempts()).isEqualTo(2);
        assertThat(first.requests()).as("not retried: 30 s is more than max-wait").hasSize(1);
        assertThat(answer.took()).as("no waiting for retry-after").isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void anInvalidRequestIsNeitherRetriedNorFallenBackOn() {
        first.respondByDefault(error(400, "invalid_request_error", "Invalid value for 'temperature'"));
        second.respondByDefault(ok("from second", false));

        assertThatThrownBy(() -> ask("badrequest", false))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("temperature");
                });
        assertThat(first.requests()).hasSize(1);
        assertThat(second.requests()).isEmpty();
    }

    @Test
    void aStreamCutAfterItsFirstOutputReachesTheCallerAsAnErrorAndIsNotSwitched() {
        RawResponse full = ok("Hel", "lo", " world");
        int upToFirstText = indexAfter(full.bodyText(), "\"content\":\"Hel\"");
        first.respond(full).disconnectAfter(upToFirstText);
        second.respondByDefault(ok("from second", true));

        var received = new StringBuilder();
        var headers = new ArrayList<Headers>();
        assertThatThrownBy(() -> {
            try (var raw = sdk.chat().completions().withRawResponse().createStreaming(params("cutstream"));
                 var events = raw.parse()) {
                headers.add(raw.headers());
                events.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(received::append)));
            }
        }).isInstanceOf(OpenAIException.class);

        assertThat(received).hasToString("Hel");
        assertThat(headers.getFirst().values("x-switchboard-provider")).containsExactly("cutstreama");
        assertThat(headers.getFirst().values("x-switchboard-attempts")).containsExactly("1");
        assertThat(first.requests()).hasSize(1);
        assertThat(second.requests()).as("a stream is never switched after output").isEmpty();
    }

    @Test
    void aWholeResponseCutBeforeItsEndFallsBack() {
        RawResponse whole = ok("cut short", false);
        first.respondByDefault(whole).disconnectAfter(whole.body().length / 2);
        second.respond(ok("from second", false));

        Answer answer = ask("cutjson", false);

        assertThat(answer.text()).isEqualTo("from second");
        assertThat(answer.provider()).isEqualTo("cutjsonb");
        assertThat(answer.attempts()).isEqualTo(3);
        assertThat(first.requests()).hasSize(2);
    }

    @Test
    void aSlowFirstTokenFallsBackToTheSecondProvider() {
        first.respondByDefault(ok("slow", " tokens")).slowDrip(Duration.ofSeconds(3));
        second.respond(ok("from second", true));

        Answer answer = ask("slowtoken", true);

        assertThat(answer.text()).isEqualTo("from second");
        assertThat(answer.provider()).isEqualTo("slowtokenb");
        assertThat(answer.attempts()).as("first-token timeout is retryable: two on the first, one on the second")
                .isEqualTo(3);
        assertThat(first.requests()).hasSize(2);
        assertThat(first.awaitClientDisconnect(Duration.ofSeconds(2))).as("the slow attempt is cancelled").isTrue();
        assertThat(answer.took()).as("did not wait for the slow first token").isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void withTheFirstProviderFailingTheSdkSeesOnlySuccessfulAnswers() {
        first.respondByDefault(error(503, "server_error", "unavailable"));
        int calls = 20;
        List<Integer> firstRequestsAfterCall = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            boolean stream = i % 2 == 1;
            second.respond(ok("answer " + i, stream));
            Answer answer = ask("sdkonly", stream);
            assertThat(answer.text()).isEqualTo("answer " + i);
            assertThat(answer.provider()).isEqualTo("sdkonlyb");
            firstRequestsAfterCall.add(first.requests().size());
        }
        assertThat(second.requests()).hasSize(calls);
        int total = first.requests().size();
        assertThat(total).as("first provider's requests after each call: " + firstRequestsAfterCall)
                .isLessThanOrEqualTo(4);
        assertThat(firstRequestsAfterCall.get(2)).as("the circuit is open from the third call on: "
                + firstRequestsAfterCall).isEqualTo(total);
    }

    @Test
    void aRulesRouteSendsCodeTasksToTheirRouteAndEverythingElseToTheDefault() {
        second.respond(ok("code answer", false));
        first.respond(ok("general answer", false));

        Answer code = ask("auto", false, Map.of("x-switchboard-task", "code"));
        Answer general = ask("auto", false, Map.of());

        assertThat(code.text()).isEqualTo("code answer");
        assertThat(code.provider()).isEqualTo("coderp");
        assertThat(code.route()).isEqualTo("coder");
        assertThat(general.text()).isEqualTo("general answer");
        assertThat(general.provider()).isEqualTo("generalp");
        assertThat(general.route()).isEqualTo("general");
        assertThat(first.requests()).hasSize(1);
        assertThat(second.requests()).hasSize(1);
    }

    // ---- calls

    record Answer(String text, String provider, String route, int attempts, Duration took) {}

    static ChatCompletionCreateParams params(String model) {
        return params(model, Map.of());
    }

    static ChatCompletionCreateParams params(String model, Map<String, String> headers) {
        var builder = ChatCompletionCreateParams.builder().model(model).addUserMessage("hi");
        headers.forEach(builder::putAdditionalHeader);
        return builder.build();
    }

    static Answer ask(String model, boolean stream) {
        return ask(model, stream, Map.of());
    }

    static Answer ask(String model, boolean stream, Map<String, String> headers) {
        long start = System.nanoTime();
        var text = new StringBuilder();
        Headers responseHeaders;
        if (stream) {
            try (var raw = sdk.chat().completions().withRawResponse().createStreaming(params(model, headers));
                 var events = raw.parse()) {
                responseHeaders = raw.headers();
                events.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)));
            }
        } else {
            var raw = sdk.chat().completions().withRawResponse().create(params(model, headers));
            responseHeaders = raw.headers();
            text.append(raw.parse().choices().getFirst().message().content().orElse(""));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        return new Answer(text.toString(), one(responseHeaders, "x-switchboard-provider"),
                one(responseHeaders, "x-switchboard-route"),
                Integer.parseInt(one(responseHeaders, "x-switchboard-attempts")), took);
    }

    static String one(Headers headers, String name) {
        assertThat(headers.values(name)).as(name).hasSize(1);
        return headers.values(name).getFirst();
    }

    // ---- upstream responses in OpenAI's wire format

    static RawResponse ok(String text, boolean stream) {
        return stream ? ok(text) : RawResponse.json(200, """
                {"id":"chatcmpl-up","object":"chat.completion","created":1,"model":"gpt-4o-2024-08-06",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}}
                """.formatted(text));
    }

    /** A streamed completion, one chunk per content piece. */
    static RawResponse ok(String... contents) {
        return OpenAiStreams.sse("gpt-4o-2024-08-06", contents);
    }


    static RawResponse error(int status, String type, String message) {
        return RawResponse.json(status, "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type
                + "\",\"param\":null,\"code\":null}}");
    }

    static RawResponse rateLimited(String retryAfter) {
        return new RawResponse(429, "Too Many Requests", List.of(
                new RawResponse.Header("Content-Type", "application/json"),
                new RawResponse.Header("retry-after", retryAfter)),
                ("{\"error\":{\"message\":\"Rate limit reached for requests\",\"type\":\"requests\","
                        + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}").getBytes(StandardCharsets.UTF_8));
    }

    /** The byte offset just after the blank line that ends the SSE event containing {@code marker}. */
    static int indexAfter(String body, String marker) {
        int at = body.indexOf(marker);
        assertThat(at).as(marker).isNotNegative();
        return body.substring(0, body.indexOf("\n\n", at) + 2).getBytes(StandardCharsets.UTF_8).length;
    }

    // ---- config

    /** Builds a {@code switchboard.yaml}: routes of two targets, {@code <route>a} then {@code <route>b}. */
    static final class Yaml {
        private final StringBuilder providers = new StringBuilder("providers:\n");
        private final StringBuilder models = new StringBuilder("models:\n");

        Yaml twoTargets(String route, String firstBase, String firstTimeout, String policy) {
            provider(route + "a", firstBase, firstTimeout);
            providers.append("  %sb: { kind: openai, base-url: %s/v1, api-key: env:SECOND_KEY, timeout: 5s }\n"
                    .formatted(route, second.baseUrl()));
            return model(route, "targets: [ %1$sa/gpt-4o, %1$sb/gpt-4o ]".formatted(route)
                    + (policy.isEmpty() ? "" : ", " + policy));
        }

        Yaml provider(String name, String base, String timeout) {
            providers.append("  %s: { kind: openai, base-url: %s/v1, api-key: env:FIRST_KEY, timeout: %s }\n"
                    .formatted(name, base, timeout));
            return this;
        }

        Yaml model(String name, String body) {
            models.append("  %s: { %s }\n".formatted(name, body));
            return this;
        }

        @Override
        public String toString() {
            return providers + models.toString();
        }
    }

    /** A TCP server that reads each request's head and then resets the connection (RST, not a clean close). */
    static final class ResettingServer implements AutoCloseable {
        final ServerSocket server;
        final AtomicInteger connections = new AtomicInteger();

        ResettingServer() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().name("resetting-server").start(this::accept);
        }

        String baseUrl() {
            return "http://127.0.0.1:" + server.getLocalPort();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    Thread.ofVirtual().start(() -> reset(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void reset(Socket socket) {
            try (socket) {
                InputStream in = socket.getInputStream();
                int matched = 0;
                byte[] end = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                while (matched < end.length) {
                    int b = in.read();
                    if (b < 0) {
                        break;
                    }
                    matched = b == end[matched] ? matched + 1 : (b == end[0] ? 1 : 0);
                }
                connections.incrementAndGet();
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
