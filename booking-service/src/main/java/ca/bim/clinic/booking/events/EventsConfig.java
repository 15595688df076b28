package ca.bim.clinic.booking.events;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Event delivery settings (BOOKING_EVENTS_* environment variables). */
@ConfigMapping(prefix = "booking.events")
public interface EventsConfig {

    ClientService clientService();

    Dispatch dispatch();

    /** How often the outbox lag gauge is refreshed when no dispatch pass ran. */
    @WithDefault("15s")
    String lagRefresh();

    interface ClientService {
        /** Base URL of client-service; events go to {url}/internal/v1/booking-events. */
        String url();

        /** Whether events go to client-service's internal consumer (its URL is booking.events.client-service.url). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Dispatch {
        /** How often the scheduled dispatcher looks for due deliveries (a Quarkus scheduler period, e.g. 2s). */
        @WithDefault("2s")
        String interval();

        /** Delay before the first pass after start. */
        @WithDefault("5s")
        String initialDelay();

        /** Deliveries claimed per pass. */
        @WithDefault("20")
        int batchSize();

        /**
         * How long a claimed delivery is reserved; after a crash it is picked up again once this passes. Keep it
         * above batch size times request timeout so a slow batch does not lose its later claims.
         */
        @WithDefault("PT5M")
        Duration claimTimeout();

        /** First retry delay; doubles per failed attempt up to {@link #retryCap()}. */
        @WithDefault("PT5S")
        Duration retryBase();

        @WithDefault("PT15M")
        Duration retryCap();

        /** Connect and response timeout of one delivery request. */
        @WithDefault("PT10S")
        Duration requestTimeout();
    }
}
