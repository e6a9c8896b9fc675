/**
 * A replica's local view of the policy: what {@code switchboard.yaml} declares plus what the policy service holds,
 * bootstrapped from its snapshot and then followed on {@code policy-changes}, so the hot path never calls out.
 */
@NullMarked
package dev.switchboard.policyview;

import org.jspecify.annotations.NullMarked;
