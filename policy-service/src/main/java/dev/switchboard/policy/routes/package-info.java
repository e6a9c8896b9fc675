/** Model aliases and routes defined through the API, checked against switchboard.yaml's models and providers. */
@NullMarked
package dev.switchboard.policy.routes;

import org.jspecify.annotations.NullMarked;
