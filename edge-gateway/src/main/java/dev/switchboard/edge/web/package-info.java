/** Request ids, body limits and error rendering at the edge. */
@NullMarked
package dev.switchboard.edge.web;

import org.jspecify.annotations.NullMarked;
