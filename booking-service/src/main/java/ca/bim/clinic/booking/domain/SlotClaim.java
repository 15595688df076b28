package ca.bim.clinic.booking.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What an appointment and a hold have in common: a row of the appointment table claiming [startsAt, blockedUntil)
 * of a practitioner's time for a client (the exclusion constraint keeps claims apart).
 */
@MappedSuperclass
public abstract class SlotClaim extends ClientBooking {

    public Instant startsAt;
    public Instant endsAt;

    /** End plus the type's buffer at booking time. */
    public Instant blockedUntil;

    @Column(precision = 8, scale = 2)
    public BigDecimal priceCad;

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
