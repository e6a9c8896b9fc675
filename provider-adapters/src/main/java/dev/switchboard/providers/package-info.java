/** The provider adapter SPI the router codes against, the registry of adapters by kind, and their Spring wiring. */
@NullMarked
package dev.switchboard.providers;

import org.jspecify.annotations.NullMarked;
