/**
 * JMH benchmarks of the router's hot path without the network: request decoding, route resolution, the fallback
 * chain over in-memory adapters and the SSE and JSON encoders.
 */
@NullMarked
package dev.switchboard.benchmarks;

import org.jspecify.annotations.NullMarked;
