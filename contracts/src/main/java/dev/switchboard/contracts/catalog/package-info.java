/** The built-in model catalog: per-model prices, context windows and capabilities, and exact cost arithmetic. */
@NullMarked
package dev.switchboard.contracts.catalog;

import org.jspecify.annotations.NullMarked;
