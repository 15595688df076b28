package ca.bim.clinic.booking.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Slot holds (booking.holds.*; BOOKING_HOLDS_* environment variables). */
@ConfigMapping(prefix = "booking.holds")
public interface HoldsConfig {

    /** How long a hold keeps its slot. */
    @WithDefault("PT5M")
    Duration duration();

    /** How often expired holds are swept so the waitlist can offer their slot to the next entry. */
    @WithDefault("30s")
    String sweepInterval();
}
