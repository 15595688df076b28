package ca.bim.clinic.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** Errors the edge produces itself (no route, wrong method, its own faults) as problem+json. */
@ApplicationScoped
public class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class);

    void register(@Observes Router router) {
        router.errorHandler(404, ctx -> Problems.send(ctx, 404, "Not Found", "No resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> Problems.send(ctx, 405, "Method Not Allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
        router.errorHandler(500, this::internalError);
    }

    private void internalError(RoutingContext ctx) {
        LOG.errorf(ctx.failure(), "Unhandled failure on %s %s (request %s)", ctx.request().method(),
                ctx.request().path(), RequestIds.of(ctx));
        Problems.send(ctx, 500, "Internal Server Error", "The gateway failed to handle the request");
    }
}
