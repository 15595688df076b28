package ca.bim.clinic.client.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.client.domain.EventOutcome;
import ca.bim.clinic.client.domain.ProcessedEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProcessedEventRepository implements PanacheRepositoryBase<ProcessedEvent, UUID> {

    /**
     * Claims an event id for the current transaction. Returns false when it was already processed; a concurrent
     * delivery of the same id waits on the uncommitted row and then gets false, so only one applies the effect.
     */
    public boolean claim(UUID eventId, String type, Instant occurredAt, Instant processedAt, EventOutcome outcome) {
        int inserted = getEntityManager().createNativeQuery("""
                INSERT INTO processed_event (id, type, occurred_at, processed_at, outcome)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (id) DO NOTHING
                """)
                .setParameter(1, eventId).setParameter(2, type).setParameter(3, occurredAt)
                .setParameter(4, processedAt).setParameter(5, outcome.name())
                .executeUpdate();
        return inserted > 0;
    }
}
