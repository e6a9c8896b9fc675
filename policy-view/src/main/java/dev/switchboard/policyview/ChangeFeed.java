package dev.switchboard.policyview;

import dev.switchboard.contracts.policy.PolicyChange;
import java.util.List;
import java.util.function.Consumer;

/** Where a replica follows policy changes after its first snapshot. */
public interface ChangeFeed extends AutoCloseable {

    /** Starts delivering changes (from the oldest kept) to {@code sink}, reporting contact to {@code health}. */
    void start(Consumer<List<PolicyChange>> sink, FeedHealth health);

    @Override
    void close();

    /** What a feed says of its connection. */
    interface FeedHealth {
        void contact();

        void problem(String message);
    }
}
