/** How the edge proxies to the router. */
@NullMarked
package dev.switchboard.edge.routing;

import org.jspecify.annotations.NullMarked;
