/**
 * The governance records the policy service owns and every router and edge replica holds as a local view: teams,
 * keys (hashed), allowed models, data classes and provider data policies, rate limits, budgets and sealed provider
 * credentials; the {@code policy-changes} wire form and the view that applies them.
 */
@NullMarked
package dev.switchboard.contracts.policy;

import org.jspecify.annotations.NullMarked;
