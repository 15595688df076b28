package ca.bim.clinic.client.domain;

import java.time.Instant;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An admin's removal of a therapist from a client's care: appointments booked before {@link #revokedAt} grant
 * nothing any more, whatever events about them arrive later. A booking made after it grants care again.
 */
@Entity
@Table(name = "care_revocation")
public class CareRevocation {

    @EmbeddedId
    public CareGrant.CareKey key;

    public Instant revokedAt;

    public String revokedBy;
}
