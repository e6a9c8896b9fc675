package dev.switchboard.policy.routes;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.ModelAlias;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.web.ApiException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Model aliases ({@code /admin/v1/aliases}): any admin role reads, platform admins write. */
@RestController
@RequestMapping("/admin/v1/aliases")
public class AliasesEndpoint {

    private final AliasRepository aliases;
    private final AliasService service;
    private final Access access;

    public AliasesEndpoint(AliasRepository aliases, AliasService service, Access access) {
        this.aliases = aliases;
        this.service = service;
        this.access = access;
    }

    /** The body of a PUT. */
    public record AliasTarget(@Nullable String target) {}

    /** Every alias, the file's ({@code FILE}, read-only here) and the API's. */
    @GetMapping
    public List<ModelAlias> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requireAnyAdminRole(caller);
        return aliases.all();
    }

    @GetMapping("/{alias}")
    public ModelAlias get(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String alias) {
        access.requireAnyAdminRole(caller);
        return aliases.find(alias).orElseThrow(() -> ApiException.notFound("no alias '" + alias + "'"));
    }

    @PutMapping("/{alias}")
    public ModelAlias put(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String alias,
                          @RequestBody AliasTarget body) {
        access.requirePlatformAdmin(caller);
        return service.put(alias, body.target() == null ? "" : body.target());
    }

    @DeleteMapping("/{alias}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String alias) {
        access.requirePlatformAdmin(caller);
        service.delete(alias);
    }
}
