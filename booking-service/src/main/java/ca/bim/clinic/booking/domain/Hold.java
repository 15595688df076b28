package ca.bim.clinic.booking.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A slot held for a client until {@link #expiresAt}. Stored as a row of the appointment table (status HELD) so the
 * appointments' exclusion constraint covers it too (see migration V10); booking it turns the same row into the
 * appointment, which keeps the hold's id. {@link Appointment} never loads a hold that is not booked.
 */
@Entity(name = "Hold")
@Table(name = "appointment")
public class Hold extends SlotClaim {

    /** Database status of a row that is (still) only a hold. */
    public static final String HELD = "HELD";
    public static final String RELEASED = "RELEASED";
    public static final String EXPIRED = "EXPIRED";

    /** HELD, RELEASED, EXPIRED, or once booked the appointment's status (BOOKED, CANCELLED, ...). */
    public String status;

    @Column(name = "hold_expires_at")
    public Instant expiresAt;

    /** What the hold is now, as the API names it: active, expired, released or booked. */
    public String state(Instant now) {
        return switch (status) {
            case HELD -> now.isBefore(expiresAt) ? "active" : "expired";
            case EXPIRED -> "expired";
            case RELEASED -> "released";
            default -> "booked";
        };
    }

    public boolean isLive(Instant now) {
        return HELD.equals(status) && now.isBefore(expiresAt);
    }
}
