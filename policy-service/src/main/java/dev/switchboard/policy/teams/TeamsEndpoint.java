package dev.switchboard.policy.teams;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.TeamPolicy;
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

/** {@code /admin/v1/teams}: teams with their allowed models, data class, limits and budgets. */
@RestController
@RequestMapping("/admin/v1/teams")
public class TeamsEndpoint {

    private final TeamRepository teams;
    private final TeamService service;
    private final Access access;

    public TeamsEndpoint(TeamRepository teams, TeamService service, Access access) {
        this.teams = teams;
        this.service = service;
        this.access = access;
    }

    /** Every team for platform admins; the caller's own team for everyone else. */
    @GetMapping
    public List<TeamPolicy> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        String visible = access.visibleTeam(caller);
        return visible == null ? teams.all() : teams.find(visible).stream().toList();
    }

    @GetMapping("/{team}")
    public TeamPolicy get(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String team) {
        access.readTeam(caller, team);
        return teams.find(team).orElseThrow(() -> ApiException.notFound("team '" + team + "' not found"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public TeamPolicy create(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller,
                             @RequestBody TeamSettings settings) {
        access.requirePlatformAdmin(caller);
        return service.create(settings);
    }

    @PutMapping("/{team}")
    public TeamPolicy replace(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String team,
                              @RequestBody TeamSettings settings) {
        access.manageTeam(caller, team);
        return service.replace(team, settings);
    }

    @DeleteMapping("/{team}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String team) {
        access.manageTeam(caller, team);
        service.delete(team);
    }
}
