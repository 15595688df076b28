package ca.bim.clinic.injury.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.injury.domain.Injury;
import ca.bim.clinic.injury.domain.InjuryStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InjuryRepository implements PanacheRepositoryBase<Injury, UUID> {

    public PanacheQuery<Injury> findPublished() {
        return find("status", Sort.by("name"), InjuryStatus.published);
    }

    public Optional<Injury> findPublishedBySlug(String slug) {
        return find("slug = ?1 and status = ?2", slug, InjuryStatus.published).firstResultOptional();
    }
}
