package ca.bim.clinic.injury.service;

import java.util.UUID;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import ca.bim.clinic.common.error.DomainException;
import ca.bim.clinic.injury.domain.CatalogueEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Slugs are unique by index in the injury and technique tables. */
final class SlugIndex {

    private SlugIndex() {
    }

    /** The new entry with a fresh id and the slug; a 409 when an entry already has the slug. */
    static <T extends CatalogueEntry> T newEntry(PanacheRepositoryBase<T, UUID> repository, T entry, String slug,
            String taken) {
        if (repository.count("slug", slug) > 0) {
            throw DomainException.conflict(taken);
        }
        entry.id = UUID.randomUUID();
        entry.slug = slug;
        return entry;
    }

    /**
     * Persists a new entry now, so that a concurrent create with the same slug, which passed the check for a taken
     * slug too, loses the race at the unique index as the same 409.
     */
    static <T> void persistNew(PanacheRepositoryBase<T, UUID> repository, T entry, String taken) {
        try {
            repository.persistAndFlush(entry);
        } catch (PersistenceException e) {
            if (e instanceof ConstraintViolationException || e.getCause() instanceof ConstraintViolationException) {
                throw DomainException.conflict(taken);
            }
            throw e;
        }
    }
}
