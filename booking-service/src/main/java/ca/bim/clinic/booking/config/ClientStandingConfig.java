package ca.bim.clinic.booking.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How booking-service follows client-service's standing feed (BOOKING_CLIENT_STANDING_* environment variables). */
@ConfigMapping(prefix = "booking.client-standing")
public interface ClientStandingConfig {

    /** Period of the poller (a Quarkus scheduler period such as 2s); also how stale the view may get. */
    @WithDefault("2s")
    String interval();

    /** Items asked for per page (client-service allows 1..500). */
    @WithDefault("100")
    @Min(1)
    @Max(500)
    int pageSize();

    /** Pages read in one pass at most, so one pass after a long outage does not run unbounded. */
    @WithDefault("50")
    @Min(1)
    int maxPagesPerPass();
}
