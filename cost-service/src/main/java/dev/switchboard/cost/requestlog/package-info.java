/** The request log: one row of metadata per request, newest first. */
@NullMarked
package dev.switchboard.cost.requestlog;

import org.jspecify.annotations.NullMarked;
