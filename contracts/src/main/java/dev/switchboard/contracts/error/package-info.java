/** Error categories that retry, fallback and every error encoder read; never message text. */
@NullMarked
package dev.switchboard.contracts.error;

import org.jspecify.annotations.NullMarked;
