package ca.bim.clinic.gateway.routing;

import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import ca.bim.clinic.gateway.edge.Problems;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Routes each configured prefix to its upstream with vertx-web-proxy. Paths, query strings and end-to-end headers
 * (including {@code Authorization}) pass unchanged and bodies are streamed, not buffered. Hop-by-hop headers are
 * dropped both ways, {@code X-Forwarded-*} is added, and an unreachable, slow or open-circuit upstream becomes a
 * 503 or 504 problem. An upstream's own 502/503/504 is relayed as it is but counts against its circuit breaker.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    /** After the edge policy (-50); the composition route (order 0) comes first on its own path. */
    static final int ORDER = 100;

    // RFC 9110 7.6.1 plus the proxy ones; the library drops most of these on requests but not on responses.
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    // The edge owns these on answers: upstream copies would duplicate or contradict them.
    private static final Set<String> EDGE_OWNED = Set.of("x-request-id", "ratelimit-limit", "ratelimit-remaining",
            "ratelimit-reset");

    void register(@Observes Router router, Upstreams upstreams, MeterRegistry registry) {
        for (Upstream upstream : upstreams.all()) {
            HttpProxy proxy = HttpProxy.reverseProxy(upstream.client())
                    .origin(context -> upstream.client().request(upstream.requestOptions(
                            context.request().getMethod(), context.request().getURI())))
                    .addInterceptor(new EdgeInterceptor(upstream, registry));
            ProxyHandler handler = ProxyHandler.create(proxy);
            for (String prefix : upstream.prefixes()) {
                // "/prefix" and "/prefix/..." but never "/prefixother".
                router.route(prefix).order(ORDER).handler(handler);
                router.route(prefix + "/*").order(ORDER).handler(handler);
                LOG.infof("Routing %s to %s (%s)", prefix, upstream.url(), upstream.name());
            }
        }
    }

    private record EdgeInterceptor(Upstream upstream, MeterRegistry registry) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            ProxyRequest request = context.request();
            dropHopByHop(request.headers());
            addForwarded(request.proxiedRequest(), request.headers());
            Timer.Sample sample = Timer.start(registry);
            return upstream.<ProxyResponse>call(() -> context.sendRequest().compose(response -> {
                int status = response.getStatusCode();
                if (status == 502 || status == 503 || status == 504) {
                    // Counts against the breaker, yet the caller gets the service's own answer (its problem detail).
                    return Future.failedFuture(new UnavailableAnswer(response));
                }
                return Future.succeededFuture(response);
            }, failure -> Future.failedFuture(callerGone(request) ? new CallerGoneException(failure) : failure)))
                    .recover(failure -> Future.succeededFuture(failure instanceof UnavailableAnswer answer
                            ? answer.response
                            : problem(context, failure)))
                    .onSuccess(response -> sample.stop(registry.timer("gateway.upstream.requests",
                            "upstream", upstream.name(), "status", Integer.toString(response.getStatusCode()))));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            MultiMap headers = context.response().headers();
            dropHopByHop(headers);
            for (String name : Set.copyOf(headers.names())) {
                if (isEdgeOwned(name)) {
                    headers.remove(name);
                }
            }
            return context.sendResponse();
        }

        /** The caller closed its connection: whatever the upstream call then reports is not the upstream's fault. */
        private static boolean callerGone(ProxyRequest request) {
            return request.proxiedRequest().response().closed();
        }

        private static boolean isEdgeOwned(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return EDGE_OWNED.contains(lower) || lower.startsWith("access-control-");
        }

        private ProxyResponse problem(ProxyContext context, Throwable failure) {
            UpstreamFailure mapped = UpstreamFailure.of(upstream, failure);
            ProxyRequest request = context.request();
            String path = request.proxiedRequest().path();
            ProxyResponse response = request.release().response()
                    .setStatusCode(mapped.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.contentType(path))
                    .setBody(Body.body(Problems.bodyFor(mapped.status(), mapped.title(), mapped.detail(), path)));
            if (mapped.retryAfterSeconds() > 0) {
                response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(mapped.retryAfterSeconds()));
            }
            return response;
        }
    }

    /** The upstream answered 502, 503 or 504: an outage for the breaker, relayed unchanged to the caller. */
    static final class UnavailableAnswer extends Upstream.UpstreamUnavailableException {
        final transient ProxyResponse response;

        UnavailableAnswer(ProxyResponse response) {
            super(response.getStatusCode());
            this.response = response;
        }
    }

    /** A proxied call cut short by its caller; does not count against the upstream's circuit breaker. */
    static final class CallerGoneException extends RuntimeException {
        CallerGoneException(Throwable cause) {
            super("caller closed the connection", cause, false, false);
        }
    }

    /** Removes the hop-by-hop headers, including any the {@code Connection} header names. */
    static void dropHopByHop(MultiMap headers) {
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                headers.remove(token.trim());
            }
        }
        for (String name : Set.copyOf(headers.names())) {
            if (HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                headers.remove(name);
            }
        }
    }

    static void addForwarded(HttpServerRequest incoming, MultiMap headers) {
        String client = incoming.remoteAddress().hostAddress();
        String prior = headers.get("X-Forwarded-For");
        headers.set("X-Forwarded-For", prior == null || prior.isBlank() ? client : prior + ", " + client);
        headers.set("X-Forwarded-Proto", incoming.scheme());
        HostAndPort authority = incoming.authority();
        if (authority != null) {
            headers.set("X-Forwarded-Host", authority.toString());
            if (authority.port() > 0) {
                headers.set("X-Forwarded-Port", Integer.toString(authority.port()));
            }
        }
    }
}
