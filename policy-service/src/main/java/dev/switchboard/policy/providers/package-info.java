/** Provider data policies (built-in facts and overrides) and the data classes they allow. */
@NullMarked
package dev.switchboard.policy.providers;

import org.jspecify.annotations.NullMarked;
