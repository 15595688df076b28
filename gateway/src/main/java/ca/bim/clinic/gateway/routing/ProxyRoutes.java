package ca.bim.clinic.gateway.routing;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.HttpProxy;

/**
 * Routes each configured prefix to its upstream with vertx-web-proxy. Paths, query strings and headers (including
 * {@code Authorization}) pass unchanged and bodies are streamed, not buffered.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    void register(@Observes Router router, Vertx vertx, GatewayConfig config) {
        config.upstreams().forEach((name, upstream) -> {
            URI url = upstream.url();
            HttpClientOptions options = new HttpClientOptions()
                    .setSsl("https".equals(url.getScheme()))
                    .setConnectTimeout(1_000);
            HttpClient client = vertx.createHttpClient(options);
            HttpProxy proxy = HttpProxy.reverseProxy(client).origin(port(url), url.getHost());
            ProxyHandler handler = ProxyHandler.create(proxy);
            for (String prefix : upstream.prefixes()) {
                // "/prefix/*" matches the prefix itself and everything below it, never "/prefixother".
                router.route(prefix + "/*").handler(handler);
                LOG.infof("Routing %s to %s (%s)", prefix, url, name);
            }
        });
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }
}
