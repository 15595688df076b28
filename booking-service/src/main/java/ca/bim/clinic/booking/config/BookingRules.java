package ca.bim.clinic.booking.config;

import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The clinic's booking policy; every value can be overridden with BOOKING_RULES_* environment variables. */
@ConfigMapping(prefix = "booking.rules")
public interface BookingRules {

    /** Distance between candidate start times, counted from the start of a working-hours window. */
    @WithDefault("PT15M")
    Duration slotStep();

    /** How long before its start an appointment can still be booked online. */
    @WithDefault("PT2H")
    Duration minimumNotice();

    /** How far ahead appointments can be booked. */
    @WithDefault("P90D")
    Duration horizon();

    /** Cancelling a client's appointment closer than this to its start marks it as a late cancellation. */
    @WithDefault("PT24H")
    Duration cancellationWindow();

    /** Longest range one availability request may cover. */
    @WithDefault("P31D")
    Duration maxAvailabilityRange();

    /** Range used when an availability request gives no end. */
    @WithDefault("P7D")
    Duration defaultAvailabilityRange();

    /** Zone in which date-only query parameters are read (all locations are in British Columbia). */
    @WithDefault("America/Vancouver")
    ZoneId defaultZone();
}
