package dev.switchboard.router.events;

import dev.switchboard.contracts.events.CompletionEvent;

/**
 * Where completion events go. {@link #publish} is called once per request, after its response ended; it never blocks
 * its caller and never throws: an event it cannot deliver now is kept (or, as a last resort, logged) by the
 * implementation.
 */
public interface CompletionPublisher {

    void publish(CompletionEvent event);
}
