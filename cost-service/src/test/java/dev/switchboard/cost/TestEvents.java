package dev.switchboard.cost;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.events.CompletionEvent;
import dev.switchboard.contracts.events.CompletionEvent.AttemptRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Builds completion events for tests: a request served by one attempt unless told otherwise. */
public final class TestEvents {

    private final String requestId;
    private Instant time = Instant.parse("2031-03-04T10:00:00Z");
    private String key = "app-key";
    private @Nullable String team = "payments";
    private final Map<String, String> tags = new LinkedHashMap<>();
    private @Nullable String user = "user-1";
    private String requestedModel = "smart";
    private @Nullable String provider = "acme";
    private @Nullable String providerModel = "m1";
    private int status = 200;
    private @Nullable String errorCategory;
    private @Nullable TokenUsage usage = TokenUsage.of(1000, 100);
    private long latencyMs = 800;
    private long firstTokenMs = 200;
    private final List<AttemptRecord> extraAttempts = new ArrayList<>();
    private boolean servedAttempt = true;
    private CompletionEvent.@Nullable Bodies bodies;

    private TestEvents(String requestId) {
        this.requestId = requestId;
    }

    public static TestEvents completion(String requestId) {
        return new TestEvents(requestId);
    }

    public TestEvents at(String isoInstant) {
        this.time = Instant.parse(isoInstant);
        return this;
    }

    public TestEvents key(String key) {
        this.key = key;
        return this;
    }

    public TestEvents user(@Nullable String user) {
        this.user = user;
        return this;
    }

    public TestEvents team(@Nullable String team) {
        this.team = team;
        return this;
    }

    public TestEvents tag(String name, String value) {
        tags.put(name, value);
        return this;
    }

    public TestEvents requested(String model) {
        this.requestedModel = model;
        return this;
    }

    public TestEvents servedBy(String provider, String model, @Nullable TokenUsage usage) {
        this.provider = provider;
        this.providerModel = model;
        this.usage = usage;
        return this;
    }

    public TestEvents latency(long latencyMs, long firstTokenMs) {
        this.latencyMs = latencyMs;
        this.firstTokenMs = firstTokenMs;
        return this;
    }

    /** No provider answered: every attempt failed (add them with {@link #attemptBefore}). */
    public TestEvents failed(int status, String errorCategory) {
        this.provider = null;
        this.providerModel = null;
        this.usage = null;
        this.status = status;
        this.errorCategory = errorCategory;
        this.servedAttempt = false;
        return this;
    }

    /** An attempt that ended before the served one (a failure that fell back, a cancelled race loser). */
    public TestEvents attemptBefore(String provider, String model, String outcome, @Nullable TokenUsage usage,
                                    long latencyMs) {
        extraAttempts.add(new AttemptRecord(provider, model, outcome, outcome.equals("FAILED") ? 503 : 0,
                outcome.equals("FAILED") ? "UPSTREAM_UNAVAILABLE" : null,
                new CompletionEvent.Timing(latencyMs, -1), usage));
        return this;
    }

    /** The team keeps bodies: these, for {@code retentionDays}. */
    public TestEvents bodies(String request, @Nullable String response, int retentionDays) {
        this.bodies = new CompletionEvent.Bodies(request, response, false, retentionDays);
        return this;
    }

    public CompletionEvent build() {
        List<AttemptRecord> attempts = new ArrayList<>(extraAttempts);
        if (servedAttempt && provider != null && providerModel != null) {
            attempts.add(new AttemptRecord(provider, providerModel, "SUCCEEDED", 0, null,
                    new CompletionEvent.Timing(latencyMs - 5, firstTokenMs - 5), usage));
        }
        var result = new CompletionEvent.Result("smart", "FIXED", provider, providerModel, status, errorCategory,
                errorCategory == null ? "STOP" : null, usage, null,
                new CompletionEvent.Timing(latencyMs, errorCategory == null ? firstTokenMs : -1), null);
        return new CompletionEvent(requestId, time, new CompletionEvent.Caller(key, team, user), tags,
                new CompletionEvent.RequestInfo("openai", requestedModel, true), result, attempts, bodies);
    }
}
