/** The shared upstream HTTP client: posting, SSE responses, status and transport failure classification, Retry-After. */
@NullMarked
package dev.switchboard.providers.http;

import org.jspecify.annotations.NullMarked;
