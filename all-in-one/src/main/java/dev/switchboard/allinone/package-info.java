/** Starts every Switchboard service in one JVM, each in its own Spring context, wired as over the network. */
@NullMarked
package dev.switchboard.allinone;

import org.jspecify.annotations.NullMarked;
