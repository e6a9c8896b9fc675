/** The OpenAI-compatible ingress: request decoding, SSE and JSON encoding, and the endpoints. */
@NullMarked
package dev.switchboard.router.openai;

import org.jspecify.annotations.NullMarked;
