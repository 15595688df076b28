package ca.bim.clinic.common.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads the body of a POST, PUT or PATCH whole on the event loop, before the endpoint runs.
 * <p>
 * Quarkus REST otherwise hands a body to a blocking endpoint (all of ours: they use JDBC) through a stream that the
 * worker thread waits on while the event loop feeds it, waking it once per chunk and once at the end. For bodies of
 * a few hundred bytes that hand-off cost more than parsing them: 12% of booking-service's CPU while booking
 * (profile of issue 12). With the body already read, Quarkus REST gives the endpoint a stream over it in memory.
 * <p>
 * The place in the route order and the size limit are those of Quarkus' own body handler (used when an extension
 * needs the body early); a larger body is refused with 413, as the HTTP server refuses it today.
 */
@ApplicationScoped
public class RequestBodies {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize limit;

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER)
                .method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
                .handler(BodyHandler.create(false).setBodyLimit(limit.asLongValue()))
                .handler(RequestBodies::emptyWhenNone);
    }

    /**
     * A request without a body leaves none, and Quarkus REST would then wait for one on a request that has ended (an
     * empty POST hung until the client gave up): it gets an empty body instead, read as such.
     */
    private static void emptyWhenNone(RoutingContext context) {
        if (context.body().buffer() == null) {
            context.setBody(Buffer.buffer());
        }
        context.next();
    }
}
