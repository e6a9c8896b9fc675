package dev.switchboard.policy.orgs;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.OrgPolicy;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1/orgs}: organisations and the budgets their teams share (platform admins only). */
@RestController
@RequestMapping("/admin/v1/orgs")
public class OrgsEndpoint {

    private final OrgRepository orgs;
    private final OrgService service;
    private final Access access;

    public OrgsEndpoint(OrgRepository orgs, OrgService service, Access access) {
        this.orgs = orgs;
        this.service = service;
        this.access = access;
    }

    @GetMapping
    public List<OrgPolicy> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requirePlatformAdmin(caller);
        return orgs.all();
    }

    @GetMapping("/{org}")
    public OrgPolicy get(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String org) {
        access.requirePlatformAdmin(caller);
        return orgs.find(org).orElseThrow(() -> ApiException.notFound("organisation '" + org + "' not found"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public OrgPolicy create(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller,
                            @RequestBody OrgSettings settings) {
        access.requirePlatformAdmin(caller);
        return service.create(settings);
    }

    /** Creates the organisation or replaces its budgets. */
    @PutMapping("/{org}")
    public OrgPolicy put(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String org,
                         @RequestBody OrgSettings settings) {
        access.requirePlatformAdmin(caller);
        return service.put(org, settings);
    }

    @DeleteMapping("/{org}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String org) {
        access.requirePlatformAdmin(caller);
        service.delete(org);
    }
}
