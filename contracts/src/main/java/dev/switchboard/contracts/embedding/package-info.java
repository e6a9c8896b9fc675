/** The canonical embeddings request and response. */
@NullMarked
package dev.switchboard.contracts.embedding;

import org.jspecify.annotations.NullMarked;
