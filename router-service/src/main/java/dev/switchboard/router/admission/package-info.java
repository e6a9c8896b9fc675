/** What a routed request must pass before any upstream call: its rate limits, then its budgets. */
@NullMarked
package dev.switchboard.router.admission;

import org.jspecify.annotations.NullMarked;
