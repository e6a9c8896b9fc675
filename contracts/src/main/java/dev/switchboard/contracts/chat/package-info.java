/** The canonical chat model every ingress decodes into and every adapter encodes from, and its event stream. */
@NullMarked
package dev.switchboard.contracts.chat;

import org.jspecify.annotations.NullMarked;
