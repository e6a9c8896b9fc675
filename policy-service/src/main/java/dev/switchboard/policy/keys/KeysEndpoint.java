package dev.switchboard.policy.keys;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.keys.KeyRepository.StoredKey;
import dev.switchboard.policy.teams.TeamRepository;
import dev.switchboard.policy.web.ApiException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Keys: {@code /admin/v1/teams/{team}/keys} to list and create, {@code /admin/v1/keys/{id}} for one key. */
@RestController
public class KeysEndpoint {

    private final KeyRepository keys;
    private final TeamRepository teams;
    private final KeyService service;
    private final Access access;

    public KeysEndpoint(KeyRepository keys, TeamRepository teams, KeyService service, Access access) {
        this.keys = keys;
        this.teams = teams;
        this.service = service;
        this.access = access;
    }

    @GetMapping("/admin/v1/teams/{team}/keys")
    public List<KeyView> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String team) {
        access.readTeam(caller, team);
        if (teams.find(team).isEmpty()) {
            throw ApiException.notFound("team '" + team + "' not found");
        }
        return keys.ofTeam(team).stream().map(KeyView::of).toList();
    }

    /** Every key, including those of no team (platform admins only). */
    @GetMapping("/admin/v1/keys")
    public List<KeyView> all(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requirePlatformAdmin(caller);
        return keys.all().stream().map(KeyView::of).toList();
    }

    /** Issues a key; the answer holds the plaintext key, shown this once. */
    @PostMapping("/admin/v1/teams/{team}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    public IssuedKey create(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String team,
                            @RequestBody KeySettings settings) {
        access.manageKeys(caller, team);
        access.grantRoles(caller, settings.roles());
        return service.create(team, settings);
    }

    @GetMapping("/admin/v1/keys/{id}")
    public KeyView get(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String id) {
        StoredKey key = visible(caller, id);
        return KeyView.of(key);
    }

    /** Replaces the key's models, data class, limits, budgets, roles and expiry. */
    @PutMapping("/admin/v1/keys/{id}")
    public KeyView replace(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String id,
                           @RequestBody KeySettings settings) {
        access.manageKey(caller, visible(caller, id).policy().team(), id);
        access.grantRoles(caller, settings.roles());
        return service.replace(id, settings);
    }

    @PostMapping("/admin/v1/keys/{id}/revoke")
    public KeyView revoke(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String id) {
        access.manageKey(caller, visible(caller, id).policy().team(), id);
        return service.revoke(id);
    }

    private StoredKey visible(Principal caller, String id) {
        StoredKey key = keys.find(id).orElseThrow(() -> ApiException.notFound("key '" + id + "' not found"));
        access.readKey(caller, key.policy().team(), id);
        return key;
    }
}
