package ca.bim.clinic.client.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.client.domain.IntakeVersion;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IntakeVersionRepository implements PanacheRepositoryBase<IntakeVersion, UUID> {

    public Optional<IntakeVersion> findCurrent(UUID clientId) {
        return find("clientId = ?1 order by version desc", clientId).firstResultOptional();
    }

    public PanacheQuery<IntakeVersion> history(UUID clientId) {
        return find("clientId = ?1 order by version desc", clientId);
    }

    public List<IntakeVersion> listAll(UUID clientId) {
        return history(clientId).list();
    }
}
