package ca.bim.clinic.injury.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.injury.domain.InjuryRevision;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InjuryRevisionRepository implements PanacheRepositoryBase<InjuryRevision, UUID> {

    /** Newest first. */
    public PanacheQuery<InjuryRevision> findByInjury(UUID injuryId) {
        return find("injuryId", Sort.by("changedAt", Sort.Direction.Descending).and("version", Sort.Direction.Descending),
                injuryId);
    }
}
