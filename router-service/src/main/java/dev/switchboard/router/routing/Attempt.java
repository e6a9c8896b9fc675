package dev.switchboard.router.routing;

import static java.util.Objects.requireNonNull;

import dev.switchboard.contracts.chat.TokenUsage;
import dev.switchboard.contracts.error.ErrorCategory;
import org.jspecify.annotations.Nullable;

/**
 * One call to one deployment, as the completion event reports it.
 *
 * @param upstreamStatus the upstream's HTTP status when it answered with an error, else 0
 * @param category why it failed; {@code null} when it succeeded or was cancelled
 * @param firstTokenMillis from the attempt's start to its first output, or -1 when there was none
 * @param usage what the upstream reported, when it did (a cancelled race loser may have none)
 */
public record Attempt(String provider, String model, Outcome outcome, int upstreamStatus,
                      @Nullable ErrorCategory category, long latencyMillis, long firstTokenMillis,
                      @Nullable TokenUsage usage) {

    public enum Outcome { SUCCEEDED, FAILED, CANCELLED }

    public Attempt {
        requireNonNull(provider, "provider");
        requireNonNull(model, "model");
        requireNonNull(outcome, "outcome");
    }
}
