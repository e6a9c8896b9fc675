/** What every endpoint shares: the JSON error body, the exception that maps to it, and shared settings checks. */
@NullMarked
package dev.switchboard.policy.web;

import org.jspecify.annotations.NullMarked;
