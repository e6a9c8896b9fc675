/** Verifies the principal that the edge vouches for. */
@NullMarked
package dev.switchboard.router.principal;

import org.jspecify.annotations.NullMarked;
