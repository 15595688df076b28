package ca.bim.clinic.gateway.routing;

import java.util.Collection;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;

/** The configured upstreams by name, in name order (so anything derived from them is deterministic). */
@ApplicationScoped
public class Upstreams {

    private final Map<String, Upstream> byName = new TreeMap<>();

    Upstreams(GatewayConfig config, Vertx vertx) {
        config.upstreams().forEach((name, upstream) ->
                byName.put(name, new Upstream(name, upstream, config.circuitBreaker(), vertx)));
    }

    public Collection<Upstream> all() {
        return byName.values();
    }

    public Upstream get(String name) {
        Upstream upstream = byName.get(name);
        if (upstream == null) {
            throw new NoSuchElementException("No upstream named " + name + " is configured");
        }
        return upstream;
    }
}
