/** Consumes `completions` from Kafka, prices each request once and records it with its daily aggregates. */
@NullMarked
package dev.switchboard.cost.ingest;

import org.jspecify.annotations.NullMarked;
