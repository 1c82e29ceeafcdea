package dev.headroom.service;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Set;

/**
 * Lets a request through only with {@code Authorization: Bearer <token>} when it writes (or reads, with
 * protect-reads). Without a configured token every write is refused: a service never runs open by omission.
 */
public class BearerTokenFilter {

    private static final String BEARER = "Bearer ";
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    ApiToken token;

    @ServerRequestFilter(preMatching = true)
    public Response requireToken(ContainerRequestContext request) {
        String method = request.getMethod();
        if (READS.contains(method) && !token.protectReads()) {
            return null;
        }
        if (!token.configured()) {
            return ApiError.of(Response.Status.UNAUTHORIZED, "this service has no token configured "
                    + "(headroom.security.token or headroom.security.token-file), so it accepts no " + method, List.of());
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(BEARER)) {
            return ApiError.of(Response.Status.UNAUTHORIZED, "a bearer token is required (Authorization: Bearer <token>)",
                    List.of());
        }
        if (!token.matches(header.substring(BEARER.length()).trim())) {
            return ApiError.of(Response.Status.FORBIDDEN, "the bearer token is not valid", List.of());
        }
        return null;
    }
}
