/** switchboard.yaml as config-as-code: its teams, keys and provider policies applied as file-managed entries. */
@NullMarked
package dev.switchboard.policy.file;

import org.jspecify.annotations.NullMarked;
