/** What the router tells the rest of the platform: one {@link CompletionEvent} per request, and its JSON form. */
@NullMarked
package dev.switchboard.contracts.events;

import org.jspecify.annotations.NullMarked;
