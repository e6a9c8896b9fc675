/**
 * Governance on the hot path, decided from the replica's local policy view: who the caller is (key or token, team),
 * which models it may use, the data class of its request and so which providers may serve it.
 */
@NullMarked
package dev.switchboard.router.policy;

import org.jspecify.annotations.NullMarked;
