package ca.bim.clinic.booking.domain;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Life cycle of an appointment; {@link #canBecome} is the only place the legal transitions are listed. */
public enum AppointmentStatus {
    // The API speaks lower-kebab-case like every other status in the platform; the database keeps the names.
    @JsonProperty("booked") BOOKED,
    @JsonProperty("checked-in") CHECKED_IN,
    @JsonProperty("completed") COMPLETED,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("no-show") NO_SHOW;

    /** The value clients see, e.g. {@code checked-in}. */
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case BOOKED -> Set.of(CHECKED_IN, CANCELLED, NO_SHOW).contains(next);
            case CHECKED_IN -> next == COMPLETED;
            case COMPLETED, CANCELLED, NO_SHOW -> false;
        };
    }
}
