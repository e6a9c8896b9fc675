package dev.switchboard.cost.web;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.Roles;
import dev.switchboard.contracts.identity.SignedPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The cost API's door: the edge forwards admin callers with the principal it signed ({@code /admin/v1/spend},
 * {@code /requests}, {@code /latency}, {@code /prices} become {@code /v1/...} here). Platform admins and services
 * see every team; team admins and viewers only their team ({@link CallerScope}); price changes need a platform
 * admin. Without an internal secret the API is open (a standalone development setup; logged at start-up).
 */
public final class PrincipalGate extends OncePerRequestFilter {

    private final @Nullable SignedPrincipal verifier;

    public PrincipalGate(@Nullable SignedPrincipal verifier) {
        this.verifier = verifier;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (verifier == null || !request.getRequestURI().startsWith("/v1/")) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader(SignedPrincipal.HEADER);
        Principal principal = header == null ? null : verifier.verify(header).orElse(null);
        if (principal == null) {
            refuse(response, 401, "authentication_error", "unauthenticated",
                    "missing or invalid credentials; call the cost API through the edge (/admin/v1/...) with an admin key or token");
            return;
        }
        boolean everything = principal.has(Roles.PLATFORM_ADMIN) || principal.has(Roles.SERVICE);
        boolean teamRole = principal.has(Roles.TEAM_ADMIN) || principal.has(Roles.VIEWER);
        if (!everything && !(teamRole && principal.team() != null)) {
            refuse(response, 403, "permission_error", "forbidden",
                    "the cost API needs the platform-admin, team-admin or viewer role");
            return;
        }
        if (!everything && !"GET".equals(request.getMethod())) {
            refuse(response, 403, "permission_error", "forbidden", "only a platform admin may change prices");
            return;
        }
        request.setAttribute(CallerScope.ATTRIBUTE, everything ? CallerScope.ALL : new CallerScope(principal.team()));
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletResponse response, int status, String type, String code, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type
                + "\",\"code\":\"" + code + "\"}}").getBytes(StandardCharsets.UTF_8));
    }
}
