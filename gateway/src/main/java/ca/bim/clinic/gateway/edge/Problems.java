package ca.bim.clinic.gateway.edge;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem details written by the edge itself, shaped like the services' ones. Under {@code /fhir/} the same
 * errors are FHIR OperationOutcomes, the only error shape FHIR clients understand.
 */
public final class Problems {

    public static final String CONTENT_TYPE = "application/problem+json";
    public static final String FHIR_CONTENT_TYPE = "application/fhir+json";

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

    public static boolean isFhir(String path) {
        return path != null && path.startsWith("/fhir/");
    }

    public static String contentType(String path) {
        return isFhir(path) ? FHIR_CONTENT_TYPE : CONTENT_TYPE;
    }

    /** The error in the shape the path's clients expect: problem details, or an OperationOutcome under /fhir/. */
    public static Buffer bodyFor(int status, String title, String detail, String path) {
        if (!isFhir(path)) {
            return body(status, title, detail, path);
        }
        String code = switch (status) {
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "not-supported";
            case 429 -> "throttled";
            case 502, 503 -> "transient";
            case 504 -> "timeout";
            default -> status >= 500 ? "exception" : "processing";
        };
        JsonObject issue = new JsonObject().put("severity", status >= 500 ? "fatal" : "error").put("code", code)
                .put("diagnostics", detail == null ? title : detail);
        return new JsonObject().put("resourceType", "OperationOutcome")
                .put("issue", new JsonArray().add(issue)).toBuffer();
    }

    /** Ends the exchange with a problem unless a response was already started. */
    public static void send(RoutingContext ctx, int status, String title, String detail) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten()) {
            ctx.request().connection().close();
            return;
        }
        String path = ctx.request().path();
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType(path))
                .end(bodyFor(status, title, detail, path));
    }
}
