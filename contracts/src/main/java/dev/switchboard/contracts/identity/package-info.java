/** The authenticated caller as the edge vouches for it to the services behind it. */
@NullMarked
package dev.switchboard.contracts.identity;

import org.jspecify.annotations.NullMarked;
