package ca.bim.clinic.gateway.routing;

import java.net.ConnectException;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.enterprise.util.TypeLiteral;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.client.WebClient;

/**
 * One upstream service: its connection pool and its circuit breaker. Every call the edge makes to it, proxied or
 * composed, goes through {@link #call}, so a failing service is left alone for a while whoever calls it.
 */
public final class Upstream {

    private static final TypeLiteral<CompletionStage<Object>> ASYNC = new TypeLiteral<>() {
    };

    private final String name;
    private final GatewayConfig.Upstream config;
    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final HttpClient client;
    private final Map<Thread, HttpClient> byEventLoop = new ConcurrentHashMap<>();
    private final WebClient webClient;
    private final TypedGuard<CompletionStage<Object>> guard;
    private final long retryAfterSeconds;

    Upstream(String name, GatewayConfig.Upstream config, GatewayConfig.CircuitBreaker breaker, Vertx vertx) {
        this.name = name;
        this.config = config;
        this.vertx = vertx;
        URI url = config.url();
        this.clientOptions = new HttpClientOptions()
                .setSsl("https".equals(url.getScheme()))
                .setDefaultHost(url.getHost())
                .setDefaultPort(port(url))
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(200)
                .setKeepAlive(true)
                // A response body is relayed in the pieces the client's decoder cuts it into, each its own chunk and
                // socket write towards the caller; Vert.x's 8 KiB default turned a 170 KiB availability answer
                // into 24 of them. 64 KiB matches what the services write at once (docs/benchmarks.md).
                .setMaxChunkSize(64 * 1024);
        this.client = vertx.createHttpClient(clientOptions);
        this.webClient = WebClient.wrap(client);
        this.retryAfterSeconds = Math.max(1, breaker.delay().toSeconds());
        this.guard = TypedGuard.create(ASYNC)
                .withCircuitBreaker()
                .name("upstream-" + name)
                .requestVolumeThreshold(breaker.requestVolumeThreshold())
                .failureRatio(breaker.failureRatio())
                .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(breaker.successThreshold())
                .when(Upstream::isOutage)
                .done()
                .withThreadOffload(false)
                .build();
    }

    public String name() {
        return name;
    }

    public URI url() {
        return config.url();
    }

    public List<String> prefixes() {
        return config.prefixes();
    }

    /**
     * The client for proxied calls: one per event loop, so that the connection to the upstream lives on the event
     * loop of the caller's connection. A shared pool hands a request any idle connection, usually one of another
     * event loop, and then every head, chunk and acknowledgement of the exchange crosses threads (a queued task and
     * a selector wake-up each): 9% of the gateway's samples while proxying availability (JFR, docs/benchmarks.md
     * 2026-12-01). Off an event loop (never on the proxy path) the shared client serves.
     */
    HttpClient client() {
        if (!Context.isOnEventLoopThread()) {
            return client;
        }
        return byEventLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(clientOptions));
    }

    /** A GET to this upstream through the web client, with its response timeout. */
    public io.vertx.ext.web.client.HttpRequest<io.vertx.core.buffer.Buffer> get(String uri) {
        return webClient.get(port(config.url()), config.url().getHost(), uri)
                .ssl("https".equals(config.url().getScheme()))
                .timeout(config.timeout().toMillis());
    }

    /** Where this upstream's readiness is asked: its management interface when configured. */
    public URI healthUrl() {
        return config.managementUrl().orElse(config.url());
    }

    /** This upstream's own readiness, bypassing the breaker so that probes see recovery. */
    public Future<Integer> readiness(long timeoutMillis) {
        URI health = healthUrl();
        return webClient.get(port(health), health.getHost(), "/q/health/ready")
                .ssl("https".equals(health.getScheme()))
                .timeout(timeoutMillis)
                .send()
                .map(response -> response.statusCode());
    }

    public long timeoutMillis() {
        return config.timeout().toMillis();
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Request options aimed at this upstream, with its connect and response timeouts. */
    RequestOptions requestOptions(HttpMethod method, String uri) {
        return new RequestOptions().setMethod(method).setURI(uri)
                .setHost(config.url().getHost()).setPort(port(config.url()))
                .setConnectTimeout(config.connectTimeout().toMillis())
                .setIdleTimeout(config.timeout().toMillis());
    }

    /**
     * Runs one call through this upstream's circuit breaker. While the breaker is open the action is not run and the
     * future fails with {@link CircuitBreakerOpenException}. The result is delivered on the caller's Vert.x context.
     */
    @SuppressWarnings("unchecked")
    public <T> Future<T> call(Supplier<Future<T>> action) {
        Context context = Vertx.currentContext();
        CompletionStage<Object> stage = guard.get(() -> action.get().<Object>map(v -> v).toCompletionStage());
        return (Future<T>) (context == null ? Future.fromCompletionStage(stage)
                : Future.fromCompletionStage(stage, context));
    }

    /**
     * What counts against the breaker: the service cannot be reached, is too slow, drops the connection or says it
     * is unavailable. A stream reset is the proxy cancelling the call because the caller went away: not an outage.
     */
    static boolean isOutage(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof TimeoutException
                || failure instanceof HttpClosedException || failure instanceof UpstreamUnavailableException
                || failure instanceof io.vertx.core.VertxException && failure.getMessage() != null
                        && failure.getMessage().contains("Connection was closed");
    }

    static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException;
    }

    static boolean isBreakerOpen(Throwable failure) {
        return failure instanceof CircuitBreakerOpenException;
    }

    private static int port(URI url) {
        if (url.getPort() != -1) {
            return url.getPort();
        }
        return "https".equals(url.getScheme()) ? 443 : 80;
    }

    /** The upstream answered 502, 503 or 504 itself. */
    public static class UpstreamUnavailableException extends RuntimeException {

        private final int status;

        public UpstreamUnavailableException(int status) {
            super("upstream answered " + status, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
