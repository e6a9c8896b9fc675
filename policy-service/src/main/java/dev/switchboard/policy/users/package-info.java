/** The humans behind tokens, their team and roles (platform admins only). */
@NullMarked
package dev.switchboard.policy.users;

import org.jspecify.annotations.NullMarked;
