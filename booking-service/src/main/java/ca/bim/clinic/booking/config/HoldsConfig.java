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

    Retention retention();

    /** Pruning of what ended (service/HoldRetention), in the style of booking.events.retention. */
    interface Retention {
        /**
         * Released and expired holds are removed this long after they ended (a hold that was offered to the
         * waitlist stays at least as long as its waitlist.offered event). A booked hold is the appointment.
         */
        @WithDefault("P7D")
        Duration holds();

        /** Waitlist entries that stopped waiting (booked, removed, window over) are removed this long after. */
        @WithDefault("P30D")
        Duration waitlistEntries();

        /** Rows removed per statement, so pruning never holds many locks or a long transaction. */
        @WithDefault("500")
        int batchSize();

        /** How often pruning runs (a Quarkus scheduler period). */
        @WithDefault("10m")
        String interval();
    }
}
