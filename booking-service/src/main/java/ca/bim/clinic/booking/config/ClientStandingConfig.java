package ca.bim.clinic.booking.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How booking-service follows client-service's standing feed (BOOKING_CLIENT_STANDING_* environment variables).
 * The bounds are checked by {@code ClientStandingSync} at start-up rather than with constraint annotations: one
 * constrained mapping makes Quarkus build a second Hibernate Validator factory before anything else starts, about a
 * tenth of this service's start-up (JFR, docs/benchmarks.md 2026-12-01).
 */
@ConfigMapping(prefix = "booking.client-standing")
public interface ClientStandingConfig {

    /** Period of the poller (a Quarkus scheduler period such as 2s); also how stale the view may get. */
    @WithDefault("2s")
    String interval();

    /** Items asked for per page (client-service allows 1..500). */
    @WithDefault("100")
    int pageSize();

    /** Pages read in one pass at most, so one pass after a long outage does not run unbounded. */
    @WithDefault("50")
    int maxPagesPerPass();
}
