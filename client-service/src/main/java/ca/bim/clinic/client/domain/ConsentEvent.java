package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A grant or withdrawal of one consent; the history is append-only. */
@Entity
@Table(name = "consent_event")
public class ConsentEvent {

    @Id
    public UUID id;

    public UUID clientId;

    public ConsentType consent;

    @Enumerated(EnumType.STRING)
    public ConsentDecision decision;

    public Instant occurredAt;

    public String actor;

    public String actorRole;
}
