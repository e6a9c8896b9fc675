/** The built-in deterministic {@code mock} provider: echo, lorem, tool calls, forced failures; no network. */
@NullMarked
package dev.switchboard.providers.mock;

import org.jspecify.annotations.NullMarked;
