/** The edge gateway: the one public port in front of the router. */
@NullMarked
package dev.switchboard.edge;

import org.jspecify.annotations.NullMarked;
