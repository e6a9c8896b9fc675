/** Switchboard key authentication and the signed principal the edge hands to the router. */
@NullMarked
package dev.switchboard.edge.auth;

import org.jspecify.annotations.NullMarked;
