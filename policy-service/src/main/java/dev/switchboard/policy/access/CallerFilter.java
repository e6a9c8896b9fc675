package dev.switchboard.policy.access;

import dev.switchboard.contracts.identity.Principal;
import dev.switchboard.contracts.identity.SignedPrincipal;
import dev.switchboard.policy.web.ApiErrorHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets {@code /admin/**} and {@code /internal/**} through only with a principal the edge signed; anything else is a
 * 401. The verified principal is handed to the endpoints as request attribute {@link #ATTRIBUTE}.
 */
public final class CallerFilter extends OncePerRequestFilter {

    public static final String ATTRIBUTE = "switchboard.principal";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SignedPrincipal verifier;

    public CallerFilter(SignedPrincipal verifier) {
        this.verifier = verifier;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !path.startsWith("/admin/") && !path.startsWith("/internal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(SignedPrincipal.HEADER);
        Principal principal = header == null ? null : verifier.verify(header).orElse(null);
        if (principal == null) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            JSON.writeValue(response.getOutputStream(), ApiErrorHandler.error(HttpStatus.UNAUTHORIZED,
                    "unauthenticated", "missing or invalid " + SignedPrincipal.HEADER
                            + "; call the policy service through the edge"));
            return;
        }
        request.setAttribute(ATTRIBUTE, principal);
        chain.doFilter(request, response);
    }
}
