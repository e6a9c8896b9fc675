package dev.switchboard.systemtests;

import static dev.switchboard.systemtests.RoutingFaultsSystemTest.error;
import static dev.switchboard.systemtests.RoutingFaultsSystemTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.Headers;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.switchboard.testkit.FakeUpstream;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code strategy: race} against two OpenAI-protocol upstreams: the first to produce output wins, the loser's
 * upstream connection is closed promptly, and a racer that fails does not end the race. Each test has its own
 * providers (so no circuit state leaks between tests) over the same two {@link FakeUpstream}s.
 */
class RacingSystemTest {

    @RegisterExtension
    static final FakeUpstream slow = new FakeUpstream();

    @RegisterExtension
    static final FakeUpstream fast = new FakeUpstream();

    static RunningSwitchboard switchboard;
    static OpenAIClient sdk;

    @BeforeAll
    static void start() {
        var yaml = new StringBuilder("providers:\n");
        for (String route : new String[] {"warm", "streamed", "whole", "failing"}) {
            yaml.append("  %sslow: { kind: openai, base-url: %s/v1, api-key: env:KEY, timeout: 5s }\n"
                    .formatted(route, slow.baseUrl()));
            yaml.append("  %sfast: { kind: openai, base-url: %s/v1, api-key: env:KEY, timeout: 5s }\n"
                    .formatted(route, fast.baseUrl()));
        }
        yaml.append("models:\n");
        for (String route : new String[] {"warm", "streamed", "whole", "failing"}) {
            yaml.append("  %1$s: { strategy: race, targets: [ %1$sslow/gpt-4o, %1$sfast/gpt-4o ] }\n".formatted(route));
        }
        switchboard = RunningSwitchboard.start(yaml.toString(), Map.of("KEY", "sk-upstream"));
        sdk = OpenAIOkHttpClient.builder().baseUrl(switchboard.baseUrl() + "/v1")
                .apiKey(RunningSwitchboard.ADMIN_KEY).maxRetries(0).build();
        slow.respond(ok("warm", true));
        fast.respond(ok("warm", true));
        stream("warm");
    }

    @AfterAll
    static void stop() {
        if (switchboard != null) {
            switchboard.close();
        }
    }

    @Test
    void theFasterStreamWinsAndTheSlowerUpstreamIsCancelled() {
        slow.respondByDefault(ok("s", "l", "o", "w")).slowDrip(Duration.ofMillis(300));
        fast.respondByDefault(ok("fast", " answer"));

        long start = System.nanoTime();
        Answer answer = stream("streamed");
        boolean cancelled = slow.awaitClientDisconnect(Duration.ofSeconds(3));
        Duration untilCancelled = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.text()).isEqualTo("fast answer");
        assertThat(answer.headers().values("x-switchboard-provider")).containsExactly("streamedfast");
        assertThat(answer.headers().values("x-switchboard-attempts")).as("both racers started").containsExactly("2");
        assertThat(slow.requests()).as("the slow racer was started").hasSize(1);
        assertThat(fast.requests()).hasSize(1);
        assertThat(cancelled).as("the losing upstream's connection is closed").isTrue();
        assertThat(untilCancelled).as("cancelled long before its stream (5 × 300 ms + usage) would have ended")
                .isLessThan(Duration.ofMillis(1200));
    }

    @Test
    void theFasterWholeResponseWinsAndTheSlowerUpstreamIsCancelled() {
        slow.respondByDefault(ok("slow answer", false)).stallHeaders(Duration.ofSeconds(3));
        fast.respondByDefault(ok("fast answer", false));

        long start = System.nanoTime();
        var raw = sdk.chat().completions().withRawResponse().create(params("whole"));
        String text = raw.parse().choices().getFirst().message().content().orElseThrow();
        boolean cancelled = slow.awaitClientDisconnect(Duration.ofSeconds(3));
        Duration untilCancelled = Duration.ofNanos(System.nanoTime() - start);

        assertThat(text).isEqualTo("fast answer");
        assertThat(raw.headers().values("x-switchboard-provider")).containsExactly("wholefast");
        assertThat(raw.headers().values("x-switchboard-attempts")).containsExactly("2");
        assertThat(slow.requests()).hasSize(1);
        assertThat(cancelled).as("the losing upstream's connection is closed").isTrue();
        assertThat(untilCancelled).as("cancelled well before its headers were due (3 s)")
                .isLessThan(Duration.ofMillis(1500));
    }

    @Test
    void aRacerThatFailsFirstDoesNotEndTheRace() {
        slow.respondByDefault(ok("slow", " but", " sure")).slowDrip(Duration.ofMillis(100));
        fast.respondByDefault(error(503, "server_error", "unavailable"));

        Answer answer = stream("failing");

        assertThat(answer.text()).isEqualTo("slow but sure");
        assertThat(answer.headers().values("x-switchboard-provider")).containsExactly("failingslow");
        assertThat(fast.requests()).as("a racer is not retried").hasSize(1);
        assertThat(slow.requests()).hasSize(1);
    }

    record Answer(String text, Headers headers) {}

    static ChatCompletionCreateParams params(String model) {
        return ChatCompletionCreateParams.builder().model(model).addUserMessage("hi").build();
    }

    static Answer stream(String model) {
        var text = new StringBuilder();
        try (var raw = sdk.chat().completions().withRawResponse().createStreaming(params(model));
             var events = raw.parse()) {
            events.stream().forEach(c -> c.choices().forEach(ch -> ch.delta().content().ifPresent(text::append)));
            return new Answer(text.toString(), raw.headers());
        }
    }
}
