/** Teams: allowed models, default data class, rate limits and budgets. */
@NullMarked
package dev.switchboard.policy.teams;

import org.jspecify.annotations.NullMarked;
