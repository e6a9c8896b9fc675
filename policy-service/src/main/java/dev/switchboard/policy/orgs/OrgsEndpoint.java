package dev.switchboard.policy.orgs;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.web.ApiException;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1/orgs}: organisations (platform admins only). */
@RestController
@RequestMapping("/admin/v1/orgs")
public class OrgsEndpoint {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

    private final OrgRepository orgs;
    private final Access access;

    public OrgsEndpoint(OrgRepository orgs, Access access) {
        this.orgs = orgs;
        this.access = access;
    }

    /** One organisation. */
    public record Org(@Nullable String name) {}

    @GetMapping
    public List<Org> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requirePlatformAdmin(caller);
        return orgs.names().stream().map(Org::new).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Org create(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @RequestBody Org org) {
        access.requirePlatformAdmin(caller);
        String name = org.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("invalid_name", "organisation names are lower-case letters, digits, '.', '_'"
                    + " and '-' (at most 63)");
        }
        if (!orgs.add(name)) {
            throw ApiException.conflict("already_exists", "organisation '" + name + "' already exists");
        }
        return org;
    }
}
