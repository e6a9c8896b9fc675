/**
 * One {@code CompletionEvent} per request: counted cheaply on the hot path, built after the response ends, published
 * to Kafka {@code completions} (spooled to disk while the broker is unreachable) or only logged when events are off.
 */
@NullMarked
package dev.switchboard.router.events;

import org.jspecify.annotations.NullMarked;
