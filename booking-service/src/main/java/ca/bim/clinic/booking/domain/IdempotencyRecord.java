package ca.bim.clinic.booking.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A booking made with an Idempotency-Key, so a retry of the same request replays it. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord {

    @EmbeddedId
    public Key key;

    @Column(name = "request_hash", nullable = false)
    public String requestHash;

    @Column(name = "appointment_id", nullable = false)
    public UUID appointmentId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "caller") String caller, @Column(name = "idempotency_key") String idempotencyKey)
            implements Serializable {
    }
}
