/** Who may do what: the verified caller from the edge's signed principal header, and the one access check every endpoint uses. */
@NullMarked
package dev.switchboard.policy.access;

import org.jspecify.annotations.NullMarked;
