package ca.bim.clinic.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;

/** No route or wrong method as problem+json; failures are handled in {@link EdgePolicy}. */
@ApplicationScoped
public class ErrorResponses {

    void register(@Observes Router router) {
        router.errorHandler(404, ctx -> Problems.send(ctx, 404, "Not Found", "No resource at " + ctx.request().path()));
        router.errorHandler(405, ctx -> Problems.send(ctx, 405, "Method Not Allowed",
                ctx.request().method() + " is not allowed on " + ctx.request().path()));
    }
}
