/** Spend totals from the daily aggregates, grouped by key, team, model, provider, feature tag or day. */
@NullMarked
package dev.switchboard.cost.spend;

import org.jspecify.annotations.NullMarked;
