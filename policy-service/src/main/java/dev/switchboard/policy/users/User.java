package dev.switchboard.policy.users;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A person: their login name, email, team and roles. {@code id} is assigned on create. */
public record User(@Nullable String id, @Nullable String username, @Nullable String email, @Nullable String team,
                   @Nullable Set<String> roles) {

    public User {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }
}
