package dev.switchboard.contracts.events;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One per request, published by the router on Kafka {@code completions} keyed by {@code requestId}; the cost and judge
 * services build their read models from it. {@link #VERSION} changes when a field changes meaning; readers ignore
 * fields they do not know.
 *
 * @param time when the request ended
 * @param tags feature tags ({@code x-switchboard-tags}, OpenAI {@code metadata}), for spend per feature
 * @param request what was asked: ingress protocol, model name as written, streamed or not, the caller's W3C
 *                {@code traceparent} when it sent one
 * @param result what happened: the route, who served it, the outcome, usage and cost of the served attempt
 * @param attempts every upstream call made for it, served or not, in the order they ended
 * @param bodies the prompt and the answer, only when the caller's team asks the request log to keep them; absent
 *               (and absent from older events) otherwise
 */
public record CompletionEvent(String requestId, Instant time, Caller caller, Map<String, String> tags,
                              RequestInfo request, Result result, List<AttemptRecord> attempts,
                              @Nullable Bodies bodies) {

    public static final int VERSION = 1;

    public CompletionEvent {
        requireNonNull(requestId, "requestId");
        requireNonNull(time, "time");
        requireNonNull(caller, "caller");
        tags = Map.copyOf(tags);
        requireNonNull(request, "request");
        requireNonNull(result, "result");
        attempts = List.copyOf(attempts);
    }

    /** An event without bodies (metadata only). */
    public CompletionEvent(String requestId, Instant time, Caller caller, Map<String, String> tags,
                           RequestInfo request, Result result, List<AttemptRecord> attempts) {
        this(requestId, time, caller, tags, request, result, attempts, null);
    }

    /** Who asked: the Switchboard key's name, its team when known, the caller's end-user id when given. */
    public record Caller(String keyName, @Nullable String team, @Nullable String user) {
        public Caller {
            requireNonNull(keyName, "keyName");
        }
    }

    /** {@code ingress}: {@code openai}, {@code anthropic} or {@code embeddings}. */
    public record RequestInfo(String ingress, String model, boolean stream, @Nullable String traceparent) {
        public RequestInfo {
            requireNonNull(ingress, "ingress");
            requireNonNull(model, "model");
        }

        /** A request that came without a W3C {@code traceparent}. */
        public RequestInfo(String ingress, String model, boolean stream) {
            this(ingress, model, stream, null);
        }

        /** The same request as part of the caller's trace (its valid W3C {@code traceparent}, else none). */
        public RequestInfo withTraceparent(@Nullable String header) {
            return header != null && TRACEPARENT.matcher(header).matches() ? new RequestInfo(ingress, model, stream,
                    header) : this;
        }

        private static final java.util.regex.Pattern TRACEPARENT =
                java.util.regex.Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");
    }

    /**
     * @param route the route that served the request (after rules), {@code strategy} its strategy
     * @param provider the provider that served it, {@code null} when none did
     * @param status the HTTP status the caller got (200 even when a stream failed after output)
     * @param errorCategory why it failed, when it did
     * @param finishReason STOP, LENGTH, TOOL_CALLS or CONTENT_FILTER, when an answer finished
     * @param usage the served attempt's usage (OpenAI convention)
     * @param costUsd the router's price for that usage from its catalog, when known; the cost service prices again
     * @param experimentArm the A/B arm, when the route is an experiment
     * @param providerKind the serving provider's kind ({@code openai}, {@code anthropic}, ...): what prices and
     *                     telemetry key on, since {@code provider} is the configured name
     */
    public record Result(String route, String strategy, @Nullable String provider, @Nullable String providerModel,
                         int status, @Nullable String errorCategory, @Nullable String finishReason,
                         @Nullable TokenUsage usage, @Nullable BigDecimal costUsd, Timing timing,
                         @Nullable String experimentArm, @Nullable String providerKind) {
        public Result {
            requireNonNull(route, "route");
            requireNonNull(strategy, "strategy");
            requireNonNull(timing, "timing");
        }

        public Result(String route, String strategy, @Nullable String provider, @Nullable String providerModel,
                      int status, @Nullable String errorCategory, @Nullable String finishReason,
                      @Nullable TokenUsage usage, @Nullable BigDecimal costUsd, Timing timing,
                      @Nullable String experimentArm) {
            this(route, strategy, provider, providerModel, status, errorCategory, finishReason, usage, costUsd, timing,
                    experimentArm, null);
        }
    }

    /** Milliseconds from the request's arrival to its end, and to its first output ({@code -1}: none). */
    public record Timing(long latencyMillis, long firstTokenMillis) {}

    /**
     * One upstream call. {@code outcome}: SUCCEEDED, FAILED or CANCELLED (a race's loser); a cancelled or failed call
     * may still have used tokens the provider bills.
     */
    public record AttemptRecord(String provider, String model, String outcome, int upstreamStatus,
                                @Nullable String errorCategory, Timing timing, @Nullable TokenUsage usage,
                                @Nullable String providerKind) {
        public AttemptRecord {
            requireNonNull(provider, "provider");
            requireNonNull(model, "model");
            requireNonNull(outcome, "outcome");
            requireNonNull(timing, "timing");
        }

        public AttemptRecord(String provider, String model, String outcome, int upstreamStatus,
                             @Nullable String errorCategory, Timing timing, @Nullable TokenUsage usage) {
            this(provider, model, outcome, upstreamStatus, errorCategory, timing, usage, null);
        }
    }

    /**
     * What the caller sent and got, as UTF-8 text, each cut to at most {@value #MAX_BYTES} bytes (at a character
     * boundary; {@code truncated} says whether either was cut). {@code request} is the body as received;
     * {@code response} is the JSON the caller got for a whole answer, or for a stream the assembled answer as
     * {@code {"text":..,"toolCalls":[{"id","name","arguments"}],"finishReason":..}}; {@code null} when there was no
     * answer. Never headers, so never the caller's key. The request log keeps them {@code retentionDays} days.
     */
    public record Bodies(String request, @Nullable String response, boolean truncated, int retentionDays) {

        public static final int MAX_BYTES = 256 * 1024;

        public Bodies {
            requireNonNull(request, "request");
            if (retentionDays < 1) {
                throw new IllegalArgumentException("bodies are kept at least 1 day (got " + retentionDays + ")");
            }
        }

        /** Both bodies as UTF-8 text, each cut to {@link #MAX_BYTES}. */
        public static Bodies capped(byte[] request, byte @Nullable [] response, int retentionDays) {
            return capped(request, response, retentionDays, MAX_BYTES);
        }

        /** Both bodies as UTF-8 text, each cut to {@code maxBytes} (at most {@link #MAX_BYTES}). */
        public static Bodies capped(byte[] request, byte @Nullable [] response, int retentionDays, int maxBytes) {
            int max = Math.min(maxBytes, MAX_BYTES);
            boolean truncated = request.length > max || response != null && response.length > max;
            return new Bodies(text(request, max), response == null ? null : text(response, max), truncated,
                    retentionDays);
        }

        private static String text(byte[] utf8, int max) {
            int end = Math.min(utf8.length, max);
            if (end < utf8.length) {
                while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
                    end--; // never split a multi-byte character
                }
            }
            return new String(utf8, 0, end, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
