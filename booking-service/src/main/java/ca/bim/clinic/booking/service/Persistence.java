package ca.bim.clinic.booking.service;

import java.sql.SQLException;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import ca.bim.clinic.common.error.DomainException;



/** Flushes inside a use case so that database constraint violations become problems the caller understands. */
final class Persistence {

    private Persistence() {
    }

    /**
     * Flushes; a violation of one of the named constraints becomes the mapped exception, a concurrent update of
     * the same row a 409. Callers name one constraint; a deadlock while PostgreSQL checks an exclusion constraint
     * counts as a violation of it (see {@link #lostExclusionRace}).
     */
    static void flush(EntityManager em, Map<String, Supplier<RuntimeException>> constraints) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw DomainException.conflict("The record was changed by someone else; reload it and try again");
        } catch (PersistenceException e) {
            for (Map.Entry<String, Supplier<RuntimeException>> entry : constraints.entrySet()) {
                if (violates(e, entry.getKey())) {
                    throw entry.getValue().get();
                }
            }
            if (!constraints.isEmpty() && lostExclusionRace(e)) {
                throw constraints.values().iterator().next().get();
            }
            throw e;
        }
    }

    /**
     * Two overlapping rows inserted at the same moment can each wait for the other while PostgreSQL checks an
     * exclusion constraint; PostgreSQL then aborts one of them as a deadlock. That one lost the race for the same
     * time range, so it gets the constraint's answer (a 409 for a slot), not a 500.
     */
    static boolean lostExclusionRace(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "40P01".equals(sql.getSQLState()) && sql.getMessage() != null
                    && sql.getMessage().contains("exclusion constraint")) {
                return true;
            }
        }
        return false;
    }

    /** Whether the cause chain holds an SQL error naming the constraint (PostgreSQL quotes it in the message). */
    static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().contains('"' + constraint + '"')) {
                return true;
            }
        }
        return false;
    }
}
