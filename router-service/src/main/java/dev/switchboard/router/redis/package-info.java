/** The router's Redis connection for counters shared across replicas (budgets, rate limits). */
@NullMarked
package dev.switchboard.router.redis;

import org.jspecify.annotations.NullMarked;
