/** The adapter contract replayed over golden transcripts, and one subclass per shipped preset. */
@NullMarked
package dev.switchboard.providers.contract;

import org.jspecify.annotations.NullMarked;
