package ca.bim.clinic.client.domain;

import java.util.Arrays;
import java.util.Optional;

/** The events booking-service delivers here, by their wire names. */
public enum BookingEventType {
    BOOKED("appointment.booked"),
    RESCHEDULED("appointment.rescheduled"),
    CANCELLED("appointment.cancelled"),
    CHECKED_IN("appointment.checked-in"),
    COMPLETED("appointment.completed"),
    NO_SHOW("appointment.no-show"),
    /** Someone other than the client read or listed the client's appointments: an access-log entry. */
    APPOINTMENTS_READ("client.appointments-read");

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

    public boolean isAppointmentEvent() {
        return this != APPOINTMENTS_READ;
    }

    /** The appointment's state after an appointment event; a reschedule leaves it booked. */
    public CareStatus careStatus() {
        return switch (this) {
            case BOOKED, RESCHEDULED -> CareStatus.BOOKED;
            case CANCELLED -> CareStatus.CANCELLED;
            case CHECKED_IN -> CareStatus.CHECKED_IN;
            case COMPLETED -> CareStatus.COMPLETED;
            case NO_SHOW -> CareStatus.NO_SHOW;
            case APPOINTMENTS_READ -> throw new IllegalStateException("Not an appointment event");
        };
    }
}
