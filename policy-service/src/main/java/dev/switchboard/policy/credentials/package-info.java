/** Provider credentials, sealed with the master key ring, and their re-sealing when the active master key changes. */
@NullMarked
package dev.switchboard.policy.credentials;

import org.jspecify.annotations.NullMarked;
