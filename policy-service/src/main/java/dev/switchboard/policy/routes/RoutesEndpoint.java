package dev.switchboard.policy.routes;

import dev.switchboard.contracts.config.ConfigFile;
import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.policy.RouteDefinition;
import dev.switchboard.contracts.policy.Source;
import dev.switchboard.policy.access.Access;
import dev.switchboard.policy.access.CallerFilter;
import dev.switchboard.policy.web.ApiException;
import java.util.ArrayList;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routes ({@code /admin/v1/routes}): the body of a PUT is one {@code models:} entry of switchboard.yaml as JSON
 * ({@code "mock/echo"} or {@code {"targets":[..],"fallback-on":[..],"strategy":..}}). Listings show the file's
 * models too, as {@code FILE} entries without a definition (they are changed in the file).
 */
@RestController
@RequestMapping("/admin/v1/routes")
public class RoutesEndpoint {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RouteRepository routes;
    private final RouteService service;
    private final ConfigFile config;
    private final Access access;

    public RoutesEndpoint(RouteRepository routes, RouteService service, ConfigFile config, Access access) {
        this.routes = routes;
        this.service = service;
        this.config = config;
        this.access = access;
    }

    /** A route as listed: its definition as JSON (null for the file's models), and who manages it. */
    public record RouteInfo(String name, @Nullable Object definition, Source source) {
        static RouteInfo of(RouteDefinition route) {
            return new RouteInfo(route.name(), JSON.readValue(route.definitionJson(), Object.class), route.source());
        }
    }

    @GetMapping
    public List<RouteInfo> list(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller) {
        access.requireAnyAdminRole(caller);
        List<RouteInfo> out = new ArrayList<>();
        config.current().models().keySet().forEach(name -> out.add(new RouteInfo(name, null, Source.FILE)));
        routes.all().forEach(route -> out.add(RouteInfo.of(route)));
        return out;
    }

    @GetMapping("/{name}")
    public RouteInfo get(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String name) {
        access.requireAnyAdminRole(caller);
        if (config.current().models().containsKey(name)) {
            return new RouteInfo(name, null, Source.FILE);
        }
        return routes.find(name).map(RouteInfo::of).orElseThrow(() -> ApiException.notFound("no route '" + name + "'"));
    }

    @PutMapping("/{name}")
    public RouteInfo put(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String name,
                         @RequestBody String definition) {
        access.requirePlatformAdmin(caller);
        return RouteInfo.of(service.put(name, compact(definition)));
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@RequestAttribute(CallerFilter.ATTRIBUTE) Principal caller, @PathVariable String name) {
        access.requirePlatformAdmin(caller);
        service.delete(name);
    }

    /** The definition as compact JSON, so what is stored and published does not depend on the caller's spacing. */
    private static String compact(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JacksonException e) {
            return json; // the service reports it as not valid JSON, with its path
        }
    }
}
