package ca.bim.clinic.client.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

/** A therapist (by Keycloak username) who may see a client's clinical data. */
@Entity
@Table(name = "care_relationship")
public class CareRelationship {

    @EmbeddedId
    public Key key;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CareSource source;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Embeddable
    public record Key(@Column(name = "client_id") UUID clientId,
            @Column(name = "therapist_username") String therapistUsername) implements Serializable {
    }
}
