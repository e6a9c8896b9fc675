/** Error rendering and request ids for everything the router serves. */
@NullMarked
package dev.switchboard.router.web;

import org.jspecify.annotations.NullMarked;
