/** The outbox of policy changes, written in each change's transaction and published in order to Kafka. */
@NullMarked
package dev.switchboard.policy.outbox;

import org.jspecify.annotations.NullMarked;
