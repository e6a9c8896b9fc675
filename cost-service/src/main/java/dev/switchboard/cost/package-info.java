/** The cost service: prices every completion, keeps the request log and the spend read models. */
@NullMarked
package dev.switchboard.cost;

import org.jspecify.annotations.NullMarked;
