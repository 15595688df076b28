package ca.bim.clinic.client.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "clinic.records")
public interface RecordsConfig {

    /**
     * The OAuth client id (the token's {@code azp}) of booking-service's own service account. A token from it
     * with no realm roles may read a client's status and consents.
     */
    @WithDefault("booking-service")
    String bookingServiceClientId();
}
