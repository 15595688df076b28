package ca.bim.clinic.client.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import ca.bim.clinic.client.domain.TreatmentNote;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TreatmentNoteRepository implements PanacheRepositoryBase<TreatmentNote, UUID> {

    public PanacheQuery<TreatmentNote> ofClient(UUID clientId) {
        return find("clientId = ?1 order by createdAt desc, id", clientId);
    }

    public Optional<TreatmentNote> findOfClient(UUID clientId, UUID noteId, boolean forUpdate) {
        PanacheQuery<TreatmentNote> query = find("id = ?1 and clientId = ?2", noteId, clientId);
        if (forUpdate) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }
}
