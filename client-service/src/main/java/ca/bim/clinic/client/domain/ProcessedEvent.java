package ca.bim.clinic.client.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
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

    @Column(nullable = false)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventOutcome outcome;
}
