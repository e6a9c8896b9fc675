package dev.switchboard.policyview;

import dev.switchboard.contracts.policy.PolicySnapshot;
import java.io.IOException;

/** Where a replica gets its first view, and how it checks the policy service is still reachable. */
public interface SnapshotSource {

    PolicySnapshot fetch() throws IOException;

    /** Whether the policy service answers; false (not an exception) when it does not. */
    boolean reachable();
}
