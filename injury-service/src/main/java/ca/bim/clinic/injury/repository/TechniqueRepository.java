package ca.bim.clinic.injury.repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import ca.bim.clinic.injury.domain.Technique;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TechniqueRepository implements PanacheRepositoryBase<Technique, UUID> {

    public PanacheQuery<Technique> findAllByName() {
        return findAll(Sort.by("name").and("slug"));
    }

    public Optional<Technique> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public Optional<Technique> findBySlugForUpdate(String slug) {
        return find("slug", slug).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    public List<Technique> findBySlugs(Collection<String> slugs) {
        return slugs.isEmpty() ? List.of() : list("slug in ?1", slugs);
    }
}
