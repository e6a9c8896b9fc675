/** Rate limits: requests and tokens per minute per key and team, in a sliding one-minute window. */
@NullMarked
package dev.switchboard.router.ratelimit;

import org.jspecify.annotations.NullMarked;
