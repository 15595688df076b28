package ca.bim.clinic.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import ca.bim.clinic.gateway.config.GatewayConfig;
import ca.bim.clinic.gateway.routing.Upstream;
import ca.bim.clinic.gateway.routing.Upstreams;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /openapi}: the merged contract, built at runtime from the upstreams' {@code /q/openapi} documents so it
 * always describes the services actually deployed. They are fetched at start and every
 * {@code gateway.openapi.refresh}; a failed fetch keeps the last good document. Until every upstream has answered
 * once, the merged contract committed with this build is served.
 */
@ApplicationScoped
public class MergedContract {

    private static final Logger LOG = Logger.getLogger(MergedContract.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

    /** The gateway's own operations and info, also served by SmallRye OpenAPI at /q/openapi. */
    static final String OWN_DOCUMENT = "META-INF/openapi.json";
    static final String COMMITTED_CONTRACT = "contract/openapi.json";

    private final Upstreams upstreams;
    private final GatewayConfig config;
    private final JsonNode own;
    private final Map<String, JsonNode> fetched = new ConcurrentHashMap<>();
    private volatile Rendered current;

    private record Rendered(String json, String yaml) {
        static Rendered of(JsonNode document) {
            try {
                return new Rendered(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document),
                        YAML.writeValueAsString(document));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    MergedContract(Upstreams upstreams, GatewayConfig config) {
        this.upstreams = upstreams;
        this.config = config;
        this.own = read(OWN_DOCUMENT);
        this.current = Rendered.of(read(COMMITTED_CONTRACT));
    }

    void start(@Observes StartupEvent event, Vertx vertx) {
        refresh();
        vertx.setPeriodic(config.openapi().refresh().toMillis(), id -> refresh());
    }

    void register(@Observes Router router) {
        router.get("/openapi").order(0).handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        Rendered rendered = current;
        boolean yaml = wantsYaml(ctx);
        ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, yaml ? "application/yaml;charset=UTF-8" : "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(yaml ? rendered.yaml() : rendered.json());
    }

    private static boolean wantsYaml(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        if (format != null) {
            return format.equalsIgnoreCase("yaml") || format.equalsIgnoreCase("yml");
        }
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("yaml") && !accept.contains("json");
    }

    /** Fetches every upstream's document; re-merges when all are known. */
    void refresh() {
        for (Upstream upstream : upstreams.all()) {
            upstream.get("/q/openapi?format=json").send().onComplete(result -> {
                if (result.succeeded() && result.result().statusCode() == 200) {
                    try {
                        JsonNode document = JSON.readTree(result.result().bodyAsString());
                        JsonNode previous = fetched.put(upstream.name(), document);
                        if (!document.equals(previous)) {
                            remerge();
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.warnf("Unreadable OpenAPI document from %s: %s", upstream.name(), e.toString());
                    }
                } else {
                    LOG.debugf("OpenAPI document of %s not fetched: %s", upstream.name(),
                            result.succeeded() ? "status " + result.result().statusCode() : result.cause());
                }
            });
        }
    }

    private synchronized void remerge() {
        SortedMap<String, OpenApiMerger.Source> sources = new TreeMap<>();
        for (Upstream upstream : upstreams.all()) {
            JsonNode document = fetched.get(upstream.name());
            if (document == null) {
                return; // keep the committed contract until every service has been heard from
            }
            sources.put(upstream.name(), new OpenApiMerger.Source(document, upstream.prefixes()));
        }
        current = Rendered.of(OpenApiMerger.merge(own, sources, config.openapi().authServerUrl()));
        LOG.infof("Merged contract rebuilt from %s", sources.keySet());
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
