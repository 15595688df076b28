package ca.bim.clinic.gateway.edge;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every answer of the public port carries, whoever wrote it (an upstream, the edge, Quarkus' CORS or
 * authentication): set just before the head is written, so an upstream's own values never win.
 */
@ApplicationScoped
public class ResponseHeaders {

    /** Right after the request id, before CORS (-300) answers preflights. */
    static final int ORDER = RequestIds.ORDER + 1;

    private final List<String> noStorePrefixes;
    private final boolean hstsConfigured;
    private final String hsts;

    ResponseHeaders(GatewayConfig config) {
        GatewayConfig.Headers headers = config.headers();
        this.noStorePrefixes = headers.noStorePrefixes();
        this.hstsConfigured = headers.hsts().enabled();
        this.hsts = "max-age=" + headers.hsts().maxAge().toSeconds()
                + (headers.hsts().includeSubdomains() ? "; includeSubDomains" : "");
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        boolean noStore = underNoStorePrefix(ctx.normalizedPath());
        boolean https = hstsConfigured || ctx.request().isSSL();
        HttpServerResponse response = ctx.response();
        ctx.addHeadersEndHandler(ignored -> {
            response.headers().set("X-Content-Type-Options", "nosniff");
            if (noStore) {
                response.headers().set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
            if (https) {
                response.headers().set("Strict-Transport-Security", hsts);
            }
        });
        ctx.next();
    }

    private boolean underNoStorePrefix(String path) {
        for (String prefix : noStorePrefixes) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        return false;
    }
}
