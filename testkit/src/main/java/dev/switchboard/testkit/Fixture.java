package dev.switchboard.testkit;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.ChatEvent;
import dev.switchboard.contracts.chat.ChatRequest;
import dev.switchboard.contracts.chat.ChatResponse;
import dev.switchboard.contracts.error.ErrorCategory;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One golden transcript: the canonical request, the body we must send upstream, the recorded upstream response
 * and what the adapter must produce.
 */
public record Fixture(String provider, String scenario, ChatRequest request, String upstreamRequestJson,
                      RawResponse upstreamResponse, Expected expected) {

    public Fixture {
        requireNonNull(provider, "provider");
        requireNonNull(scenario, "scenario");
        requireNonNull(request, "request");
        requireNonNull(upstreamRequestJson, "upstreamRequestJson");
        requireNonNull(upstreamResponse, "upstreamResponse");
        requireNonNull(expected, "expected");
    }

    /** What the adapter must produce: an event sequence, a whole response, or a failure. */
    public sealed interface Expected {
        /** {@code expected-events.jsonl}. */
        record Events(List<ChatEvent> events) implements Expected {
            public Events { events = List.copyOf(events); }
        }

        /** {@code expected-response.json} (non-streaming fixtures), read by {@link ChatResponseJson}. */
        record Response(ChatResponse response) implements Expected {
            public Response { requireNonNull(response, "response"); }
        }

        /** {@code expected-error.json}: {@code {"category":"RATE_LIMITED","retryAfterSeconds":5}}. */
        record Failure(ErrorCategory category, @Nullable Duration retryAfter) implements Expected {
            public Failure { requireNonNull(category, "category"); }
        }
    }

    @Override
    public String toString() {
        return provider + "/" + scenario;
    }
}
