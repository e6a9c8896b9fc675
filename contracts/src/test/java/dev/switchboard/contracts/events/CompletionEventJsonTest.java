package dev.switchboard.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.chat.TokenUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompletionEventJsonTest {

    static CompletionEvent sample() {
        var usage = new TokenUsage(1200, 300, 800, 0, 50);
        return new CompletionEvent("req-1", Instant.parse("2026-11-25T12:00:00.123Z"),
                new CompletionEvent.Caller("billing-app", "payments", "user-7"), Map.of("feature", "invoice-summary"),
                new CompletionEvent.RequestInfo("anthropic", "smart", true),
                new CompletionEvent.Result("smart", "FIXED", "anthropic", "claude-sonnet-4-5", 200, null, "STOP", usage,
                        new BigDecimal("0.000000075"), new CompletionEvent.Timing(812, 240), null),
                List.of(new CompletionEvent.AttemptRecord("openai", "gpt-4o", "FAILED", 429, "RATE_LIMITED",
                                new CompletionEvent.Timing(35, -1), null),
                        new CompletionEvent.AttemptRecord("anthropic", "claude-sonnet-4-5", "SUCCEEDED", 0, null,
                                new CompletionEvent.Timing(770, 200), usage)));
    }

    @Test
    void roundTripsExactlyWithItsVersion() {
        byte[] json = CompletionEventJson.write(sample());
        String text = new String(json, StandardCharsets.UTF_8);

        assertThat(text).startsWith("{\"v\":1,").contains("\"requestId\":\"req-1\"").contains("2026-11-25T12:00:00.123Z");
        assertThat(CompletionEventJson.read(json)).isEqualTo(sample());
        assertThat(CompletionEventJson.read(json).result().costUsd()).isEqualByComparingTo("0.000000075");
    }

    @Test
    void ignoresFieldsItDoesNotKnowAndRefusesNewerVersions() {
        String text = new String(CompletionEventJson.write(sample()), StandardCharsets.UTF_8);
        String extended = text.replaceFirst("\\{\"v\":1,", "{\"v\":1,\"futureField\":{\"x\":1},");
        assertThat(CompletionEventJson.read(extended.getBytes(StandardCharsets.UTF_8))).isEqualTo(sample());

        String newer = text.replaceFirst("\\{\"v\":1,", "{\"v\":2,");
        assertThatThrownBy(() -> CompletionEventJson.read(newer.getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("version 2");
    }

    @Test
    void roundTripsBodiesAndReadsEventsWithoutThem() {
        var base = sample();
        var withBodies = new CompletionEvent(base.requestId(), base.time(), base.caller(), base.tags(), base.request(),
                base.result(), base.attempts(), CompletionEvent.Bodies.capped(
                        "{\"messages\":[{\"content\":\"grüß dich\"}]}".getBytes(StandardCharsets.UTF_8),
                        "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8), 30));

        byte[] json = CompletionEventJson.write(withBodies);

        assertThat(new String(json, StandardCharsets.UTF_8)).startsWith("{\"v\":1,");
        assertThat(CompletionEventJson.read(json)).isEqualTo(withBodies);
        assertThat(CompletionEventJson.read(json).bodies().request()).contains("grüß dich");
        assertThat(CompletionEventJson.read(CompletionEventJson.write(base)).bodies()).isNull();
    }

    @Test
    void capsEachBodyAtACharacterBoundaryAndSaysSo() {
        byte[] big = ("\"" + "ü".repeat(CompletionEvent.Bodies.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);

        var bodies = CompletionEvent.Bodies.capped(big, null, 7);

        assertThat(bodies.truncated()).isTrue();
        assertThat(bodies.response()).isNull();
        assertThat(bodies.request().getBytes(StandardCharsets.UTF_8).length)
                .isBetween(CompletionEvent.Bodies.MAX_BYTES - 1, CompletionEvent.Bodies.MAX_BYTES);
        assertThat(bodies.request()).endsWith("ü");
        assertThat(CompletionEvent.Bodies.capped("{}".getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8), 7).truncated()).isFalse();
    }
}
