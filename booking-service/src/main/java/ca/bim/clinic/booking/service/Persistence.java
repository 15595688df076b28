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
     * the same row a 409.
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
            throw e;
        }
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
