/** What every endpoint shares: the JSON error body and the exception that maps to it. */
@NullMarked
package dev.switchboard.policy.web;

import org.jspecify.annotations.NullMarked;
