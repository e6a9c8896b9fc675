/** The Anthropic Messages protocol as an upstream: request mapping, SSE and whole-message decoding, errors, count_tokens. */
@NullMarked
package dev.switchboard.providers.anthropic;

import org.jspecify.annotations.NullMarked;
