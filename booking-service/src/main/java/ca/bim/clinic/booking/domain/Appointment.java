package ca.bim.clinic.booking.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/**
 * A booked session. The database refuses two non-cancelled appointments of one practitioner whose
 * [startsAt, blockedUntil) ranges overlap, so double booking cannot happen even under races.
 */
@Entity
@Table(name = "appointment")
public class Appointment extends SlotClaim {

    @Enumerated(EnumType.STRING)
    public AppointmentStatus status;

    public boolean lateCancellation;
    public String cancellationReason;
    public Instant cancelledAt;

    /** The recurring series this appointment is an occurrence of, if any. */
    public UUID seriesId;
}
