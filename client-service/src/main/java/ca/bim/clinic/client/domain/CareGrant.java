package ca.bim.clinic.client.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An admin's explicit grant of care to a therapist (by Keycloak subject), until an admin removes it. */
@Entity
@Table(name = "care_grant")
public class CareGrant {

    @EmbeddedId
    public CareKey key;

    public Instant grantedAt;

    public String grantedBy;

    /** A client and a therapist's Keycloak subject. */
    @Embeddable
    public record CareKey(UUID clientId, String therapistSubject) implements Serializable {
    }
}
