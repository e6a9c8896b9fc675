/** Latency and error rate per provider and model, from every recorded upstream attempt. */
@NullMarked
package dev.switchboard.cost.latency;

import org.jspecify.annotations.NullMarked;
