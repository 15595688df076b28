package ca.bim.clinic.injury.service;

import java.util.UUID;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import ca.bim.clinic.common.error.DomainException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Slugs are unique by index in the injury and technique tables. */
final class SlugIndex {

    private SlugIndex() {
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
