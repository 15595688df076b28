package ca.bim.clinic.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Weekly working hours of a practitioner at a location, in the location's local time, for a date range. */
@Entity
@Table(name = "schedule")
public class Schedule {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practitioner_id")
    public Practitioner practitioner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    public Location location;

    /** ISO day of week, 1 = Monday. */
    @Column(nullable = false)
    public short weekday;

    @Column(name = "start_time", nullable = false)
    public LocalTime startTime;

    @Column(name = "end_time", nullable = false)
    public LocalTime endTime;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    /** Inclusive; null means open-ended. */
    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Version
    public long version;

    public DayOfWeek dayOfWeek() {
        return DayOfWeek.of(weekday);
    }

    public boolean appliesOn(LocalDate date) {
        return date.getDayOfWeek().getValue() == weekday && !date.isBefore(effectiveFrom)
                && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
