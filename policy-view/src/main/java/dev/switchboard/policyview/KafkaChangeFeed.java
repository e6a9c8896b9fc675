package dev.switchboard.policyview;

import dev.switchboard.contracts.policy.PolicyChange;
import dev.switchboard.contracts.policy.PolicyJson;
import java.util.List;
import java.util.function.Consumer;

/**
 * Follows the compacted {@code policy-changes} topic from its beginning on every start ({@link TopicFollower}): the
 * topic holds the latest state of every entry, and the view ignores changes it already has.
 */
public final class KafkaChangeFeed implements ChangeFeed {

    public static final String DEFAULT_TOPIC = "policy-changes";

    private final TopicFollower<PolicyChange> follower;

    public KafkaChangeFeed(String bootstrapServers, String topic) {
        this.follower = new TopicFollower<>(bootstrapServers, topic, "policy-view", PolicyJson::readChange);
    }

    @Override
    public void start(Consumer<List<PolicyChange>> sink, FeedHealth health) {
        follower.start(sink, health);
    }

    @Override
    public void close() {
        follower.close();
    }
}
