package ca.bim.clinic.booking.domain;

import java.time.LocalTime;
import java.time.Period;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A recurring series of appointments: same client, type, practitioner, location and local start time. */
@Entity
@Table(name = "appointment_series")
public class AppointmentSeries extends ClientBooking {

    /** How far apart the occurrences are, in the location's calendar (not in hours: daylight saving is ignored). */
    public enum Recurrence {
        @JsonProperty("weekly") WEEKLY(Period.ofWeeks(1)),
        @JsonProperty("every-two-weeks") EVERY_TWO_WEEKS(Period.ofWeeks(2));

        public final Period step;

        Recurrence(Period step) {
            this.step = step;
        }
    }

    @Enumerated(EnumType.STRING)
    public Recurrence recurrence;

    public short occurrences;
    public LocalTime localStartTime;
}
