/** The policy service: the source of truth for governance, and its wiring as a library and as a process. */
@NullMarked
package dev.switchboard.policy;

import org.jspecify.annotations.NullMarked;
