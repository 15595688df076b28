package ca.bim.clinic.booking.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A booking, hold, series or waitlist entry made with an Idempotency-Key, so a retry of the same request replays it.
 * Exactly one of the three ids is set (migration V13).
 */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    /** A booking or a hold. */
    @Column(name = "appointment_id")
    public UUID appointmentId;

    @Column(name = "series_id")
    public UUID seriesId;

    @Column(name = "waitlist_entry_id")
    public UUID waitlistEntryId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** What a key created; the column of the record that names it. */
    public enum Target {
        APPOINTMENT("appointment_id"), SERIES("series_id"), WAITLIST_ENTRY("waitlist_entry_id");

        public final String column;

        Target(String column) {
            this.column = column;
        }
    }

    /** The id of what the key created, of the given kind; null if it created something else. */
    public UUID created(Target target) {
        return switch (target) {
            case APPOINTMENT -> appointmentId;
            case SERIES -> seriesId;
            case WAITLIST_ENTRY -> waitlistEntryId;
        };
    }

    @Embeddable
    public record Key(@Column(name = "caller") String caller, @Column(name = "idempotency_key") String idempotencyKey)
            implements Serializable {
    }
}
