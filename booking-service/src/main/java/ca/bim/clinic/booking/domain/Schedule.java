package ca.bim.clinic.booking.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Weekly working hours of a practitioner at a location, in the location's local time, for a date range. */
@Entity
@Table(name = "schedule")
public class Schedule extends PractitionerTime {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Location location;

    /** ISO day of week, 1 = Monday. */
    public short weekday;

    public LocalTime startTime;
    public LocalTime endTime;
    public LocalDate effectiveFrom;

    /** Inclusive; null means open-ended. */
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
