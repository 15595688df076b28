package ca.bim.clinic.booking.events.domain;

import java.util.List;

/** The appointment events booking-service publishes; the names are part of the partner contract. */
public final class EventTypes {

    public static final String BOOKED = "appointment.booked";
    public static final String RESCHEDULED = "appointment.rescheduled";
    public static final String CANCELLED = "appointment.cancelled";
    public static final String CHECKED_IN = "appointment.checked-in";
    public static final String COMPLETED = "appointment.completed";
    public static final String NO_SHOW = "appointment.no-show";
    /** A freed slot is held for a waitlist entry (data.appointmentId is the hold's id, see data.holdExpiresAt). */
    public static final String WAITLIST_OFFERED = "waitlist.offered";

    /**
     * Internal: someone other than the client read the client's appointments (contract 4). Goes to client-service's
     * access log only, never to the partner feed or webhooks, so it is not in {@link #ALL}.
     */
    public static final String APPOINTMENTS_READ = "client.appointments-read";

    /** The types partners see in the feed and may subscribe to. */
    public static final List<String> ALL = List.of(BOOKED, RESCHEDULED, CANCELLED, CHECKED_IN, COMPLETED, NO_SHOW,
            WAITLIST_OFFERED);

    /** Version of the envelope and data shape; bumped only for incompatible changes. */
    public static final int VERSION = 1;

    private EventTypes() {
    }
}
