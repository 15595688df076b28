package ca.bim.clinic.booking.domain;

import java.time.Instant;
import java.time.LocalTime;
import java.time.Period;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A recurring series of appointments: same client, type, practitioner, location and local start time. */
@Entity
@Table(name = "appointment_series")
public class AppointmentSeries {

    /** How far apart the occurrences are, in the location's calendar (not in hours: daylight saving is ignored). */
    public enum Recurrence {
        @JsonProperty("weekly") WEEKLY(Period.ofWeeks(1)),
        @JsonProperty("every-two-weeks") EVERY_TWO_WEEKS(Period.ofWeeks(2));

        public final Period step;

        Recurrence(Period step) {
            this.step = step;
        }
    }

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_type_id")
    public AppointmentType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practitioner_id")
    public Practitioner practitioner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    public Location location;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Recurrence recurrence;

    @Column(nullable = false)
    public short occurrences;

    @Column(name = "local_start_time", nullable = false)
    public LocalTime localStartTime;

    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
