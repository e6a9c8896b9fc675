package dev.switchboard.router.events;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Complete events for publisher, spool and telemetry tests. */
public final class SampleEvents {

    private SampleEvents() {
    }

    public static CompletionEvent event(String requestId) {
        var usage = new TokenUsage(120, 40, 100, 0, 8);
        var timing = new CompletionEvent.Timing(850, 310);
        return new CompletionEvent(requestId, Instant.parse("2026-11-25T10:15:30.123Z"),
                new CompletionEvent.Caller("my-app", null, "user-7"), Map.of("feature", "search"),
                new CompletionEvent.RequestInfo("openai", "gpt-4o-mini", true),
                new CompletionEvent.Result("gpt-4o-mini", "fixed", "openai", "gpt-4o-mini-2024-07-18", 200, null,
                        "STOP", usage, new BigDecimal("0.0000465"), timing, null),
                List.of(new CompletionEvent.AttemptRecord("openai", "gpt-4o-mini", "FAILED", 429, "RATE_LIMITED",
                                new CompletionEvent.Timing(40, -1), null),
                        new CompletionEvent.AttemptRecord("openai", "gpt-4o-mini", "SUCCEEDED", 0, null, timing,
                                usage)));
    }
}
