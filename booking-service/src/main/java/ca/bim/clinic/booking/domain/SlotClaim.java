package ca.bim.clinic.booking.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What an appointment and a hold have in common: a row of the appointment table claiming [startsAt, blockedUntil)
 * of a practitioner's time for a client (the exclusion constraint keeps claims apart).
 */
@MappedSuperclass
public abstract class SlotClaim {

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

    @Column(name = "price_cad", nullable = false, precision = 8, scale = 2)
    public BigDecimal priceCad;

    /** Subject of the token that booked (or held) it: a client, staff member or partner. */
    @Column(name = "booked_by", nullable = false)
    public String bookedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Fills in the claim of {@code type}'s duration plus buffer from {@code start}, at the type's current price. */
    public void claim(UUID id, AppointmentType type, Practitioner practitioner, Location location, UUID clientId,
            Instant start, String bookedBy, Instant now) {
        this.id = id;
        this.type = type;
        this.practitioner = practitioner;
        this.location = location;
        this.clientId = clientId;
        this.startsAt = start;
        this.endsAt = start.plus(type.duration());
        this.blockedUntil = endsAt.plus(type.buffer());
        this.priceCad = type.priceCad;
        this.bookedBy = bookedBy;
        this.createdAt = now;
        this.updatedAt = now;
    }
}
