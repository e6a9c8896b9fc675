/** Server-sent events: an incremental byte-oriented parser and the Reactor plumbing around it. */
@NullMarked
package dev.switchboard.providers.sse;

import org.jspecify.annotations.NullMarked;
