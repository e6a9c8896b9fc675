/** The Anthropic-compatible ingress: {@code /v1/messages} decoding, SSE and JSON encoding, and the endpoints. */
@NullMarked
package dev.switchboard.router.anthropic;

import org.jspecify.annotations.NullMarked;
