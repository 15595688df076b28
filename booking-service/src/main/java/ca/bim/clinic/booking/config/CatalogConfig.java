package ca.bim.clinic.booking.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The in-memory catalogue of the read paths (booking.catalog.*; BOOKING_CATALOG_* environment variables). */
@ConfigMapping(prefix = "booking.catalog")
public interface CatalogConfig {

    /**
     * How long a replica keeps its copy of appointment types, schedules and time off. A change made through this
     * replica shows at once; one made through another replica (or in the database) shows within this time.
     */
    @WithDefault("PT10S")
    Duration refresh();
}
