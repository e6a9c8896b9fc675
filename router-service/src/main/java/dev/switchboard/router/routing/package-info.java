/** Model names to deployments, and the fallback chain that tries them in order. */
@NullMarked
package dev.switchboard.router.routing;

import org.jspecify.annotations.NullMarked;
