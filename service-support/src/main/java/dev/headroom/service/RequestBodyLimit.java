package dev.headroom.service;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a body declared larger than headroom.security.max-body-bytes before reading it, with 413 and a JSON error.
 * A chunked body without a declared length is cut off by quarkus.http.limits.max-body-size (docs/security.md).
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** Before every route of the application, including RESTEasy's. */
    private static final int FIRST = -1_000_000;

    void install(@Observes Router router, SecurityConfig config) {
        long maxBodyBytes = config.maxBodyBytes();
        router.route().order(FIRST).handler(context -> limit(context, maxBodyBytes));
    }

    private static void limit(RoutingContext context, long maxBodyBytes) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodyBytes) {
            context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end("{\"error\":\"the request body is larger than " + maxBodyBytes + " bytes\",\"problems\":[]}");
            return;
        }
        context.next();
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
