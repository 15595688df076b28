package ca.bim.clinic.booking.repository;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import ca.bim.clinic.booking.domain.IdempotencyRecord;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class IdempotencyRecordRepository implements PanacheRepositoryBase<IdempotencyRecord, IdempotencyRecord.Key> {

    /**
     * Claims the key for this request. Returns false if the caller already used it; a concurrent claim of the
     * same key makes PostgreSQL wait until that transaction ends, so the answer is always final.
     */
    public boolean claim(IdempotencyRecord.Key key, String requestHash, IdempotencyRecord.Target target, UUID rowId,
            Instant now) {
        // target.column is one of the enum's constant column names, never input.
        return getEntityManager().createNativeQuery("insert into idempotency_record"
                + " (caller, idempotency_key, request_hash, " + target.column + ", created_at)"
                + " values (:caller, :key, :hash, :row, :now) on conflict do nothing")
                .setParameter("caller", key.caller())
                .setParameter("key", key.idempotencyKey())
                .setParameter("hash", requestHash)
                .setParameter("row", rowId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }
}
