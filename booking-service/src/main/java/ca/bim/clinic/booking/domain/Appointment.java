package ca.bim.clinic.booking.domain;

import java.math.BigDecimal;
import java.time.Instant;
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
import jakarta.persistence.Version;

/**
 * A booked session. The database refuses two non-cancelled appointments of one practitioner whose
 * [startsAt, blockedUntil) ranges overlap, so double booking cannot happen even under races.
 */
@Entity
@Table(name = "appointment")
public class Appointment {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "appointment_type_id")
    public AppointmentType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "practitioner_id")
    public Practitioner practitioner;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    public Location location;

    /** The client's record id in client-service. */
    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** End plus the type's buffer at booking time. */
    @Column(name = "blocked_until", nullable = false)
    public Instant blockedUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AppointmentStatus status;

    @Column(name = "price_cad", nullable = false, precision = 8, scale = 2)
    public BigDecimal priceCad;

    @Column(name = "late_cancellation", nullable = false)
    public boolean lateCancellation;

    @Column(name = "cancellation_reason")
    public String cancellationReason;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    /** Subject of the token that booked it (a client, staff member or partner). */
    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
