package ca.bim.clinic.gateway.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** RFC 9457 problem details written by the edge itself, shaped like the services' ones. */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    public static JsonObject problem(int status, String title, String detail, String instance) {
        JsonObject problem = new JsonObject().put("status", status).put("title", title);
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        return problem;
    }

    public static Buffer body(int status, String title, String detail, String instance) {
        return problem(status, title, detail, instance).toBuffer();
    }

    /** Ends the exchange with a problem unless a response was already started. */
    public static void send(RoutingContext ctx, int status, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            ctx.request().connection().close();
            return;
        }
        Buffer body = body(status, title, detail, ctx.request().path());
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE)
                .end(body);
    }
}
