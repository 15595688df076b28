package ca.bim.clinic.common.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer of a service carries. Set on the Vert.x router rather than in a JAX-RS filter, so that answers
 * produced before or outside Quarkus REST (a 401 from the authentication layer, health, a 404 for an unknown path)
 * carry them too.
 */
@ApplicationScoped
public class ResponseHeaders {

    /** Runs before the authentication and routing handlers, so no answer escapes it. */
    static final int PRIORITY = 1000;

    void register(@Observes Filters filters) {
        filters.register(ResponseHeaders::onEveryRequest, PRIORITY);
    }

    private static void onEveryRequest(RoutingContext context) {
        boolean clinical = isClinical(context.normalizedPath());
        // Added just before the headers go out, so whatever produced the answer cannot drop them.
        context.addHeadersEndHandler(ignored -> apply(context.response().headers(), clinical));
        context.next();
    }

    static void apply(MultiMap headers, boolean clinical) {
        headers.set("X-Content-Type-Options", "nosniff");
        if (clinical) {
            // Client records and appointments are health data: no browser or proxy may keep a copy.
            headers.set("Cache-Control", "no-store");
        }
    }

    /** {@code /api/v1/clients/**} and {@code /api/v1/appointments/**}, with or without a trailing part. */
    static boolean isClinical(String path) {
        return path != null && (underPrefix(path, "/api/v1/clients") || underPrefix(path, "/api/v1/appointments"));
    }

    private static boolean underPrefix(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
