package ca.bim.clinic.client.domain;

import java.util.Arrays;
import java.util.Optional;

/** The appointment events booking-service publishes, by their wire names. */
public enum BookingEventType {
    BOOKED("appointment.booked"),
    RESCHEDULED("appointment.rescheduled"),
    CANCELLED("appointment.cancelled"),
    CHECKED_IN("appointment.checked-in"),
    COMPLETED("appointment.completed"),
    NO_SHOW("appointment.no-show");

    private final String wireName;

    BookingEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Empty for a type this version does not know. */
    public static Optional<BookingEventType> of(String wireName) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(wireName)).findFirst();
    }

    /**
     * Whether the event puts its practitioner in the client's care team ("from the first booking with them"). A
     * reschedule does too: harmless when already there, and it covers a booked event this service never saw.
     */
    public boolean joinsCareTeam() {
        return this == BOOKED || this == RESCHEDULED;
    }
}
