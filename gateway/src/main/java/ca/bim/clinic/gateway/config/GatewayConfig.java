package ca.bim.clinic.gateway.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * Where each path prefix goes. Upstream URLs are overridable by environment, for example
 * {@code GATEWAY_UPSTREAMS_BOOKING_URL=http://booking-service:8081}.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Upstream services by name. */
    Map<String, Upstream> upstreams();

    interface Upstream {

        /** Base URL of the service; paths are forwarded unchanged. */
        URI url();

        /** Path prefixes routed to this service, such as {@code /api/v1/locations}. */
        List<String> prefixes();
    }
}
