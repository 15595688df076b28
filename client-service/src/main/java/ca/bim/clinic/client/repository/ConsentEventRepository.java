package ca.bim.clinic.client.repository;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.client.domain.ConsentEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ConsentEventRepository implements PanacheRepositoryBase<ConsentEvent, UUID> {

    /** Oldest first; events of the same instant keep their insertion order by id tie-break only. */
    public List<ConsentEvent> history(UUID clientId) {
        return list("clientId = ?1 order by occurredAt, id", clientId);
    }
}
