package ca.bim.clinic.booking.events.config;

import java.time.Duration;

import ca.bim.clinic.booking.events.service.Retention;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Event delivery and retention settings (BOOKING_EVENTS_* environment variables). */
@ConfigMapping(prefix = "booking.events")
public interface EventsConfig {

    ClientService clientService();

    Dispatch dispatch();

    Retention retention();

    /** How often the outbox lag gauge (and the dead-letter counts) are read; one indexed query each. */
    @WithDefault("5s")
    String lagRefresh();

    /** client-service as a destination; where it answers is {@code clinic.client-service.url}, as for every call. */
    interface ClientService {
        /** Whether events go to client-service's internal consumer. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Dispatch {
        /**
         * Whether this process delivers in the background: a poll every {@link #interval()} plus a wake-up right
         * after each commit that wrote events. Tests turn it off and run passes themselves.
         */
        @WithDefault("true")
        boolean background();

        /** Poll period (a Quarkus scheduler period, e.g. 2s); the after-commit wake-up makes it a safety net. */
        @WithDefault("2s")
        String interval();

        /** Delay before the first poll after start. */
        @WithDefault("5s")
        String initialDelay();

        /** Deliveries claimed per pass, over all destinations. */
        @WithDefault("200")
        int batchSize();

        /** Requests in flight at once, over all destinations. */
        @WithDefault("16")
        int concurrency();

        /** Requests in flight at once to one destination (a share of {@link #concurrency()}). */
        @WithDefault("8")
        int perDestination();

        /** Events sent to client-service in one request (its batch endpoint takes at most 100). */
        @WithDefault("50")
        int clientServiceBatch();

        /**
         * How long a claimed delivery is reserved; after a crash it is picked up again once this passes. Must exceed
         * the time one destination needs for its share of a batch (its deliveries times the attempt deadline,
         * divided by {@link #perDestination()}).
         */
        @WithDefault("PT5M")
        Duration claimTimeout();

        /** First retry delay; doubles per failed attempt up to {@link #retryCap()}. */
        @WithDefault("PT5S")
        Duration retryBase();

        @WithDefault("PT15M")
        Duration retryCap();

        /**
         * Total time one attempt may take: connect, request, response headers and the whole response body. A
         * receiver still sending when it runs out is cut off and the attempt counts as failed.
         */
        @WithDefault("PT10S")
        Duration attemptDeadline();
    }

    interface Retention {
        /** Delivered and suppressed deliveries are removed this long after they settled. */
        @WithDefault("P30D")
        Duration deliveries();

        /** Events are removed this long after they occurred, once no delivery of theirs is left. */
        @WithDefault("P30D")
        Duration events();

        /** Idempotency-Key records of bookings are removed this long after they were made. */
        @WithDefault("PT24H")
        Duration idempotencyKeys();

        /** Rows removed per statement, so pruning never holds many locks or a long transaction. */
        @WithDefault("500")
        int batchSize();

        /** How often pruning runs (a Quarkus scheduler period). */
        @WithDefault("10m")
        String interval();
    }
}
