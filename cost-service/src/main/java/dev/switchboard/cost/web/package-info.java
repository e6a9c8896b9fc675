/** What every endpoint shares: the JSON error body and the exceptions that map to it. */
@NullMarked
package dev.switchboard.cost.web;

import org.jspecify.annotations.NullMarked;
