/** Switchboard key and identity-provider token authentication; the signed principal the edge hands the router. */
@NullMarked
package dev.switchboard.edge.auth;

import org.jspecify.annotations.NullMarked;
