/** Spend budgets: reserve a request's worst-case cost before any upstream call, settle its real cost after. */
@NullMarked
package dev.switchboard.router.budget;

import org.jspecify.annotations.NullMarked;
