/** The router service: the hot path from an ingress request to a provider and back. */
@NullMarked
package dev.switchboard.router;

import org.jspecify.annotations.NullMarked;
