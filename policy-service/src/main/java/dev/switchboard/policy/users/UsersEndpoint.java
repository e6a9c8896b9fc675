package dev.switchboard.policy.users;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.store.Jsonb;
import dev.switchboard.policy.web.ApiException;
import dev.switchboard.policy.web.Settings;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /admin/v1/users}: people and their roles (platform admins only). Users are not part of the routers' view
 * (the edge learns roles from tokens), so they are not published on {@code policy-changes}.
 */
@RestController
@RequestMapping("/admin/v1/users")
public class UsersEndpoint {

    private final JdbcClient jdbc;
    private final Access access;

    public UsersEndpoint(JdbcClient jdbc, Access access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    @GetMapping
    public List<User> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requirePlatformAdmin(caller);
        return jdbc.sql("SELECT id, username, email, team, roles::text AS roles FROM users ORDER BY username")
                .query((row, n) -> new User(row.getString("id"), row.getString("username"), row.getString("email"),
                        row.getString("team"), Jsonb.names(row.getString("roles"))))
                .list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public User create(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @RequestBody User user) {
        access.requirePlatformAdmin(caller);
        if (user.username() == null || user.username().isBlank()) {
            throw ApiException.badRequest("invalid_name", "username is required");
        }
        Settings.requireKnownRoles(user.roles());
        var created = new User(UUID.randomUUID().toString(), user.username(), user.email(), user.team(), user.roles());
        try {
            jdbc.sql("INSERT INTO users (id, username, email, team, roles) VALUES (?, ?, ?, ?, ?::jsonb)")
                    .params(created.id(), created.username(), created.email(), created.team(),
                            Jsonb.write(created.roles().stream().sorted().toList()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("already_exists", "user '" + user.username() + "' already exists");
        }
        return created;
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String id) {
        access.requirePlatformAdmin(caller);
        if (jdbc.sql("DELETE FROM users WHERE id = ?").param(id).update() == 0) {
            throw ApiException.notFound("user '" + id + "' not found");
        }
    }
}
