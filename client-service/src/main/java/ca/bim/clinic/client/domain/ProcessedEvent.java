package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A booking event consumed once, by its event id; the de-duplication record for at-least-once delivery. */
@Entity
@Table(name = "processed_event")
public class ProcessedEvent {

    @Id
    public UUID id;

    public String type;

    public Instant occurredAt;

    public Instant processedAt;

    @Enumerated(EnumType.STRING)
    public EventOutcome outcome;
}
