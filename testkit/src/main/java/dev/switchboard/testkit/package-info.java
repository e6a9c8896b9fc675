/** Test helpers shared by every module: a raw-socket fake upstream, golden-fixture loading and JSON comparison. */
@NullMarked
package dev.switchboard.testkit;

import org.jspecify.annotations.NullMarked;
