package ca.bim.clinic.booking.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

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

    public String requestHash;
    public UUID appointmentId;
    public Instant createdAt;

    @Embeddable
    public record Key(String caller, String idempotencyKey) implements Serializable {
    }
}
