/** Organisations, the top of the team hierarchy, and the budgets their teams share. */
@NullMarked
package dev.switchboard.policy.orgs;

import org.jspecify.annotations.NullMarked;
