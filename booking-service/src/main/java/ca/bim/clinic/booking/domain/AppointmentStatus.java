package ca.bim.clinic.booking.domain;

import java.util.Set;

/** Life cycle of an appointment; {@link #canBecome} is the only place the legal transitions are listed. */
public enum AppointmentStatus {
    BOOKED,
    CHECKED_IN,
    COMPLETED,
    CANCELLED,
    NO_SHOW;

    public boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case BOOKED -> Set.of(CHECKED_IN, CANCELLED, NO_SHOW).contains(next);
            case CHECKED_IN -> next == COMPLETED;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }
}
