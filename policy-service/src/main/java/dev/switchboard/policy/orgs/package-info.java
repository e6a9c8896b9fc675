/** Organisations, the top of the team hierarchy. */
@NullMarked
package dev.switchboard.policy.orgs;

import org.jspecify.annotations.NullMarked;
