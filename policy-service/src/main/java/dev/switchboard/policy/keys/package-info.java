/** Switchboard keys: issued once, stored as SHA-256 with a visible prefix, narrowed within their team. */
@NullMarked
package dev.switchboard.policy.keys;

import org.jspecify.annotations.NullMarked;
