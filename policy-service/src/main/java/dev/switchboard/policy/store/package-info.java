/** Storage helpers shared by the feature repositories: JSONB columns and rate-limit columns. */
@NullMarked
package dev.switchboard.policy.store;

import org.jspecify.annotations.NullMarked;
