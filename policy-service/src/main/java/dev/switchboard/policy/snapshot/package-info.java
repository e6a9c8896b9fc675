/** The consistent snapshot routers load before following policy-changes. */
@NullMarked
package dev.switchboard.policy.snapshot;

import org.jspecify.annotations.NullMarked;
