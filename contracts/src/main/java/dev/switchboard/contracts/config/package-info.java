/**
 * The {@code switchboard.yaml} model, its parser and validator, and the reloading file source that the edge and
 * the router share. The only part of contracts that touches a file; everything else here is pure.
 */
@NullMarked
package dev.switchboard.contracts.config;

import org.jspecify.annotations.NullMarked;
