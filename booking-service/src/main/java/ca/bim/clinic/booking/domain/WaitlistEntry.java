package ca.bim.clinic.booking.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A client waiting for a slot in a window of local dates, times of day and (optionally) weekdays. */
@Entity
@Table(name = "waitlist_entry")
public class WaitlistEntry {

    public static final String WAITING = "WAITING";
    public static final String BOOKED = "BOOKED";
    public static final String REMOVED = "REMOVED";
    public static final String EXPIRED = "EXPIRED";

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    /** Subject of the token that created the entry; offers are held in its name. */
    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_type_id")
    public AppointmentType type;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "practitioner_id")
    public Practitioner practitioner;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id")
    public Location location;

    @Column(name = "from_date", nullable = false)
    public LocalDate fromDate;

    @Column(name = "to_date", nullable = false)
    public LocalDate toDate;

    @Column(name = "from_time", nullable = false)
    public LocalTime fromTime;

    @Column(name = "to_time", nullable = false)
    public LocalTime toTime;

    @Column(nullable = false)
    public String weekdays;

    @Column(nullable = false)
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the entry stopped waiting; null while it waits. Retention counts from it. */
    @Column(name = "ended_at")
    public Instant endedAt;

    @Version
    public long version;

    public Set<DayOfWeek> weekdaySet() {
        return weekdays.isEmpty() ? Set.of()
                : Arrays.stream(weekdays.split(",")).map(d -> DayOfWeek.of(Integer.parseInt(d)))
                        .collect(Collectors.toSet());
    }

    public void weekdaySet(Set<DayOfWeek> days) {
        weekdays = days.stream().map(DayOfWeek::getValue).sorted().map(String::valueOf)
                .collect(Collectors.joining(","));
    }

    /** Whether a slot of the wanted type from {@code start} to {@code end} (local, one day) falls in the window. */
    public boolean accepts(LocalDate day, LocalTime start, LocalTime end) {
        return !day.isBefore(fromDate) && !day.isAfter(toDate) && !start.isBefore(fromTime) && !end.isAfter(toTime)
                && !end.isBefore(start) && (weekdays.isEmpty() || weekdaySet().contains(day.getDayOfWeek()));
    }

    /** The API's name for the status: waiting, booked, removed or expired (its window ended). */
    public String state(LocalDate today) {
        return WAITING.equals(status) && toDate.isBefore(today) ? "expired" : status.toLowerCase(java.util.Locale.ROOT);
    }
}
