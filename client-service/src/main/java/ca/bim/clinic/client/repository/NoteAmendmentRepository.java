package ca.bim.clinic.client.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.client.domain.NoteAmendment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NoteAmendmentRepository implements PanacheRepositoryBase<NoteAmendment, UUID> {

    public List<NoteAmendment> ofNotes(Collection<UUID> noteIds) {
        if (noteIds.isEmpty()) {
            return List.of();
        }
        return list("noteId in ?1 order by createdAt, id", noteIds);
    }
}
