/**
 * Telemetry from the completion events: Prometheus metrics ({@link dev.switchboard.router.telemetry.CompletionMetrics})
 * and one OpenTelemetry GenAI span per request ({@link dev.switchboard.router.telemetry.CompletionSpans}), both
 * recorded on the thread that builds the event, never on the request path.
 */
@NullMarked
package dev.switchboard.router.telemetry;

import org.jspecify.annotations.NullMarked;
